"""The `apo` command: run the service and one-shot operations."""
from __future__ import annotations

import argparse
import asyncio
import sys

from aiohttp import web
from loguru import logger

from app.config import Settings, SettingsError, load_settings
from app.logging_setup import setup_logging
from app.resources import SQL_DIR, postgres_dsn

SHUTDOWN_TIMEOUT_SECONDS = 4.0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 2
    setup_logging(settings.log_level, settings.log_json)
    return args.handler(settings, args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="apo", description="APO Trainer: olympiad trainer service")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="serve the REST API, admin API and the bot")
    run.set_defaults(handler=_run)
    migrate = commands.add_parser("migrate", help="apply pending PostgreSQL migrations and exit")
    migrate.set_defaults(handler=_migrate)
    return parser


def _run(settings: Settings, args: argparse.Namespace) -> int:
    from app.main import create_app  # imported here so `apo migrate` stays light

    logger.info("serving on http://{}:{}", settings.http_host, settings.http_port)
    web.run_app(create_app(settings), host=settings.http_host, port=settings.http_port,
                print=None, access_log=None, shutdown_timeout=SHUTDOWN_TIMEOUT_SECONDS)
    logger.info("stopped")
    return 0


def _migrate(settings: Settings, args: argparse.Namespace) -> int:
    from storage.postgres import MigrationError
    from storage.postgres.migrate import migrate

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
