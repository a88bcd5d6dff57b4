"""The `apo` command: run the service and one-shot operations (see app/commands/)."""
from __future__ import annotations

import argparse
import sys

from app.commands import COMMAND_MODULES
from app.config import SettingsError, load_settings
from app.logging_setup import setup_logging


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
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
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser
