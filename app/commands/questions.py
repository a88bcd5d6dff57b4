"""`apo questions import FILE` and `apo questions export FILE` (.json or .xlsx) against the configured
(or embedded) database, through the same bank actor the service runs."""
from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from actors.bank.actor import BankActor
from actors.bank.errors import ImportRejected
from actors.bank.messages import ExportQuestions, ImportQuestions
from actors.runtime import ActorRef, ActorSystem
from app.config import Settings
from app.wiring.concerns import SEED_QUESTIONS_DIR
from app.wiring.stores import open_database
from storage.postgres import MigrationError, StoreUnavailable

TIMEOUT = 600.0  # a 5 MB xlsx takes seconds, never minutes; this only bounds a stuck database
FORMATS = {".json": "json", ".xlsx": "xlsx"}


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("questions", help="import or export the question bank")
    actions = parser.add_subparsers(dest="questions_action", required=True)
    importing = actions.add_parser("import", help="import questions from a .json or .xlsx file (all or nothing)")
    importing.add_argument("file", type=Path)
    importing.set_defaults(handler=run_import)
    exporting = actions.add_parser("export", help="export every question to a .json or .xlsx file")
    exporting.add_argument("file", type=Path)
    exporting.set_defaults(handler=run_export)


def run_import(settings: Settings, args: argparse.Namespace) -> int:
    try:
        content = args.file.read_bytes()
    except OSError as exc:
        print(f"cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 1
    try:
        summary = _with_bank(settings, lambda bank: bank.ask(
            ImportQuestions(content=content, filename=args.file.name), timeout=TIMEOUT))
    except ImportRejected as exc:
        print(f"{args.file}: {exc.detail}; nothing was imported", file=sys.stderr)
        for error in exc.errors:
            print(f"  {error}", file=sys.stderr)
        return 1
    except (MigrationError, StoreUnavailable, RuntimeError) as exc:
        print(f"import failed: {exc}", file=sys.stderr)
        return 1
    print(f"{args.file}: {summary.total} questions: {summary.created} created, {summary.updated} updated, "
          f"{summary.unchanged} unchanged")
    return 0


def run_export(settings: Settings, args: argparse.Namespace) -> int:
    export_format = FORMATS.get(args.file.suffix.lower())
    if export_format is None:
        print(f"{args.file}: the file name must end in .json or .xlsx", file=sys.stderr)
        return 2
    try:
        exported = _with_bank(settings, lambda bank: bank.ask(ExportQuestions(format=export_format),
                                                              timeout=TIMEOUT))
        args.file.write_bytes(exported.content)
    except (MigrationError, StoreUnavailable, RuntimeError, OSError) as exc:
        print(f"export failed: {exc}", file=sys.stderr)
        return 1
    print(f"{args.file}: {exported.questions} questions exported")
    return 0


def _with_bank(settings: Settings, call: Callable[[ActorRef], Awaitable[Any]]) -> Any:
    async def run() -> Any:
        async with open_database(settings, run_migrations=True) as database:
            system = ActorSystem(default_ask_timeout=TIMEOUT)
            bank = system.spawn("bank", lambda: BankActor(database, seed_dir=SEED_QUESTIONS_DIR))
            await system.start()
            try:
                if not system.health()["actors"]["bank"]["healthy"]:
                    raise RuntimeError("the bank could not start (see the log)")
                return await call(bank)
            finally:
                await system.stop()

    return asyncio.run(run())
