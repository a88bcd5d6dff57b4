"""`apo admin grant|revoke --email … | --telegram-id …`: give or take administrator rights.

A running service sees the change within a minute (its user profiles are cached for 60 s).
Admins listed in APO_ADMIN_TELEGRAM_IDS are granted again at every start.
"""
from __future__ import annotations

import argparse
import asyncio
import sys

from app.config import Settings
from app.wiring.stores import open_database
from storage.postgres import MigrationError, StoreUnavailable
from storage.postgres.admins_repo import AdminRecord, AdminsRepository


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("admin", help="administrator rights")
    actions = parser.add_subparsers(dest="admin_command", required=True)
    for name, granted, text in (("grant", True, "make a user an administrator"),
                                ("revoke", False, "take administrator rights away")):
        action = actions.add_parser(name, help=text)
        who = action.add_mutually_exclusive_group(required=True)
        who.add_argument("--email", help="the account's email")
        who.add_argument("--telegram-id", type=int, help="the user's Telegram id")
        action.set_defaults(handler=run, admin=granted)


async def set_admin(settings: Settings, *, admin: bool, email: str | None, telegram_id: int | None,
                    ) -> AdminRecord | None:
    async with open_database(settings, run_migrations=True) as database, database.transaction() as tx:
        return await AdminsRepository().set_admin(tx, admin=admin, email=email, telegram_id=telegram_id)


def run(settings: Settings, args: argparse.Namespace) -> int:
    try:
        user = asyncio.run(set_admin(settings, admin=args.admin, email=args.email, telegram_id=args.telegram_id))
    except (MigrationError, StoreUnavailable) as exc:
        print(f"database error: {exc}", file=sys.stderr)
        return 1
    if user is None:
        who = f"email {args.email}" if args.email else f"Telegram id {args.telegram_id}"
        print(f"no user with {who}; they must register first", file=sys.stderr)
        return 1
    state = "is now an administrator" if user.is_admin else "is no longer an administrator"
    print(f"user #{user.id} {user.display_name} {state}")
    return 0
