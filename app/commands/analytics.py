"""`apo analytics replay`: send the local analytics spool to ClickHouse now, and print the counts.

The running service replays by itself when ClickHouse returns; this is for a spool left behind
(e.g. by a process that ran without APO_CLICKHOUSE_URL). Safe beside a running service: a file
lock lets only one of them replay, and every replayed batch is deduplicated.
"""
from __future__ import annotations

import argparse
import asyncio
import sys

from actors.analytics import AnalyticsOptions
from app.wiring.analytics import clickhouse_writer, spool_for
from app.config import Settings
from storage.clickhouse import ClickHouseMigrationError
from storage.spool import ReplayResult, replay


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("analytics", help="analytics maintenance")
    actions = parser.add_subparsers(dest="analytics_command", required=True)
    replay_parser = actions.add_parser("replay", help="replay the local analytics spool into ClickHouse")
    replay_parser.set_defaults(handler=run_replay)


async def replay_spool(settings: Settings) -> ReplayResult:
    options = AnalyticsOptions()
    spool = spool_for(settings, options)
    async with clickhouse_writer(settings, options.insert_timeout) as writer:
        return await replay(spool, writer)


def run_replay(settings: Settings, args: argparse.Namespace) -> int:
    if settings.clickhouse_url is None:
        print("APO_CLICKHOUSE_URL is not set: there is no ClickHouse to replay into", file=sys.stderr)
        return 2
    try:
        result = asyncio.run(replay_spool(settings))
    except ClickHouseMigrationError as exc:
        print(f"clickhouse migration error: {exc}", file=sys.stderr)
        return 1
    print(f"replayed {result.batches} batches: {result.rows} rows stored, {result.already_stored} were "
          f"already stored, {result.rejected_rows} rows set aside in rejected/; {result.left} batches left")
    if result.error:
        print(f"replay stopped: {result.error}", file=sys.stderr)
        return 1
    return 0
