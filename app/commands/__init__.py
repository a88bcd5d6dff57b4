"""Subcommands of `apo`, one module each; every module has `register(subparsers)`.

A handler has the signature `(settings, args) -> int` (the exit code).
"""
from app.commands import admin, analytics, migrate, outbox, questions, run, stats

COMMAND_MODULES = (run, migrate, questions, stats, analytics, outbox, admin)
