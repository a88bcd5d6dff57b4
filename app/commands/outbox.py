"""`apo outbox status` and `apo outbox retry`: the events waiting in the outbox, and a second chance
for dead rows (rows whose delivery kept failing for a reason other than an unavailable store, kept
for a human). Run `retry` once the cause is fixed; a running service's relay picks them up."""
from __future__ import annotations

import argparse
import asyncio
import sys

from app.config import Settings
from app.wiring.stores import open_database
from storage.postgres import MigrationError, StoreUnavailable
from storage.postgres.outbox_repo import OutboxRepository

SHOWN_DEAD = 20


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("outbox", help="events waiting to be relayed")
    actions = parser.add_subparsers(dest="outbox_command", required=True)
    actions.add_parser("status", help="backlog, lag and the dead rows").set_defaults(handler=run_status)
    actions.add_parser("retry", help="relay the dead rows again").set_defaults(handler=run_retry)


def run_status(settings: Settings, args: argparse.Namespace) -> int:
    async def status() -> tuple:
        async with open_database(settings, run_migrations=settings.migrate_on_start) as database, \
                database.transaction() as tx:
            repo = OutboxRepository()
            return await repo.status(tx), await repo.dead_rows(tx, SHOWN_DEAD)

    try:
        row, dead = asyncio.run(status())
    except (StoreUnavailable, MigrationError) as exc:
        print(f"outbox status failed: {exc}", file=sys.stderr)
        return 1
    lag = (row.now - row.oldest).total_seconds() if row.oldest else 0.0
    print(f"{row.backlog} events waiting (the oldest {lag:.1f} s old), {row.dead} dead")
    for entry in dead:
        print(f"  dead #{entry['id']} {entry['event_type']} (user key {entry['user_key']}), "
              f"{entry['attempts']} attempts: {entry['last_error']}")
    return 0


def run_retry(settings: Settings, args: argparse.Namespace) -> int:
    async def retry() -> int:
        async with open_database(settings, run_migrations=settings.migrate_on_start) as database, \
                database.transaction() as tx:
            return await OutboxRepository().revive(tx)

    try:
        revived = asyncio.run(retry())
    except (StoreUnavailable, MigrationError) as exc:
        print(f"outbox retry failed: {exc}", file=sys.stderr)
        return 1
    print(f"{revived} dead rows will be relayed again")
    return 0
