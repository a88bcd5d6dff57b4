"""`apo migrate`: apply pending PostgreSQL migrations and exit."""
from __future__ import annotations

import argparse
import asyncio
import sys

from app.config import Settings
from app.wiring.stores import SQL_DIR, postgres_dsn
from storage.postgres import MigrationError
from storage.postgres.migrate import migrate


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("migrate", help="apply pending PostgreSQL migrations and exit")
    parser.set_defaults(handler=run)


def run(settings: Settings, args: argparse.Namespace) -> int:
    async def apply() -> list[str]:
        async with postgres_dsn(settings) as dsn:
            return await migrate(dsn, SQL_DIR / "postgres")

    try:
        applied = asyncio.run(apply())
    except MigrationError as exc:
        print(f"migration error: {exc}", file=sys.stderr)
        return 1
    print("applied: " + ", ".join(applied) if applied else "nothing to apply: the schema is up to date")
    return 0
