"""Idempotent REST registration: a retry of the same registration (after a 503 or a lost reply)
gets the account it created, so no client is left with an account it was told failed.

Whether the email is new or taken, the request costs one argon2 operation (a hash for a new
account, a verification for a taken email), so a 409 takes as long as a 201.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from actors.users.messages import RegisterAccount
from actors.users.secrets import verify_password
from storage.postgres.users_repo import UserRecord

RETRY_WINDOW = timedelta(minutes=15)


async def is_same_registration(record: UserRecord, msg: RegisterAccount) -> bool:
    """The account was created moments ago by this very request body (the password included)."""
    # Verified whatever the other fields say, so every taken email costs the same work.
    password_matches = await verify_password(record.password_hash, msg.password.get_secret_value())
    recent = datetime.now(timezone.utc) - record.created_at < RETRY_WINDOW
    same_profile = (record.display_name, record.grade, record.locale) == (
        msg.display_name, msg.grade.value if msg.grade else None, msg.locale)
    return password_matches and recent and same_profile
