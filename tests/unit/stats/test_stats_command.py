"""`apo stats rebuild` parses into the rebuild handler (registration in app/commands is the lead's)."""
from __future__ import annotations

import argparse

import pytest

from app.commands import stats


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="apo")
    stats.register(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


def test_rebuild_everybody_or_one_user():
    assert parse(["stats", "rebuild"]).user is None
    args = parse(["stats", "rebuild", "--user", "42"])
    assert args.handler is stats.run_rebuild and args.user == 42


def test_a_bare_stats_command_is_an_error(capsys):
    with pytest.raises(SystemExit):
        parse(["stats"])
    assert "rebuild" in capsys.readouterr().err
