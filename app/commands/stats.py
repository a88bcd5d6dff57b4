"""`apo stats rebuild [--user ID]`: recompute statistics documents from the attempts in PostgreSQL.

Safe while the service runs: each document is written only if nobody changed it meanwhile (else that
user is recomputed again), so an answer applied by the running service is never lost."""
from __future__ import annotations

import argparse
import asyncio
import sys

from actors.runtime import ActorSystem
from actors.stats.messages import RebuildReport, RebuildStats
from actors.users.actor import UsersActor
from app.config import Settings
from app.wiring.concerns import spawn_stats
from app.wiring.stores import documents_backend, open_database, open_documents
from storage.postgres import MigrationError, StoreUnavailable

REBUILD_TIMEOUT_SECONDS = 6 * 3600.0


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("stats", help="statistics maintenance")
    actions = parser.add_subparsers(dest="stats_command", required=True)
    rebuild = actions.add_parser("rebuild", help="recompute statistics from the attempts in PostgreSQL")
    rebuild.add_argument("--user", type=int, default=None, metavar="ID",
                         help="only this user (default: everybody)")
    rebuild.set_defaults(handler=run_rebuild)


async def rebuild(settings: Settings, user_id: int | None) -> tuple[RebuildReport, str]:
    """The same actors as the service (users for time zones, stats), in a system of their own."""
    async with open_database(settings, run_migrations=settings.migrate_on_start) as database, \
            open_documents(settings, database) as documents:
        system = ActorSystem(default_ask_timeout=settings.ask_timeout_seconds)
        users = system.spawn("users", lambda: UsersActor(database))
        stats = spawn_stats(system, documents, database, users)
        await system.start()
        try:
            report = await stats.ask(RebuildStats(user_id=user_id), timeout=REBUILD_TIMEOUT_SECONDS)
        finally:
            await system.stop()
        return report, documents_backend(documents)


def run_rebuild(settings: Settings, args: argparse.Namespace) -> int:
    try:
        report, backend = asyncio.run(rebuild(settings, args.user))
    except (StoreUnavailable, MigrationError) as exc:
        print(f"stats rebuild failed: {exc}", file=sys.stderr)
        return 1
    print(f"statistics rebuilt in {backend}: {report.users} users, {report.attempts} attempts; "
          f"{report.removed} stale documents removed")
    return 0
