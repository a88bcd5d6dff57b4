"""Reminder preferences and the daily claim. Owned by the reminders actor; it reads users for the
Telegram chat, the locale and whether the bot is blocked."""
from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict

from storage.postgres.tx import Tx

COLUMNS = "user_id, enabled, hour, timezone, last_checked_on, last_sent_on"

ENABLE = f"""
    INSERT INTO reminder_settings (user_id, enabled, hour, timezone, created_at, updated_at)
    SELECT u.id, true, %(hour)s, COALESCE(%(timezone)s, u.timezone), %(now)s, %(now)s
    FROM users u WHERE u.id = %(user_id)s
    ON CONFLICT (user_id) DO UPDATE SET enabled = true, hour = EXCLUDED.hour,
        timezone = EXCLUDED.timezone, updated_at = EXCLUDED.updated_at
    RETURNING {COLUMNS}
"""
DISABLE = f"""
    UPDATE reminder_settings SET enabled = false, updated_at = %(now)s WHERE user_id = %(user_id)s
    RETURNING {COLUMNS}
"""
GET = f"SELECT {COLUMNS} FROM reminder_settings WHERE user_id = %(user_id)s"
KNOWN_TIMEZONE = "SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = %(name)s)"
# Users whose local hour is their chosen one and who were not evaluated today (local), claimed
# for today at once so that another process (or the next tick) leaves them alone.
CLAIM = """
    WITH picked AS (
        SELECT r.user_id, (%(now)s::timestamptz AT TIME ZONE r.timezone)::date AS today
        FROM reminder_settings r JOIN users u ON u.id = r.user_id
        WHERE r.enabled AND u.telegram_id IS NOT NULL AND NOT u.bot_blocked
          AND extract(hour FROM %(now)s::timestamptz AT TIME ZONE r.timezone) = r.hour
          AND (r.last_checked_on IS NULL
               OR r.last_checked_on < (%(now)s::timestamptz AT TIME ZONE r.timezone)::date)
        ORDER BY r.user_id LIMIT %(limit)s FOR UPDATE OF r SKIP LOCKED
    )
    UPDATE reminder_settings r SET last_checked_on = picked.today
    FROM picked, users u
    WHERE r.user_id = picked.user_id AND u.id = r.user_id
    RETURNING r.user_id, u.telegram_id AS chat_id, u.locale, r.timezone, picked.today
"""
MARK_SENT = "UPDATE reminder_settings SET last_sent_on = %(day)s WHERE user_id = %(user_id)s"
UNCLAIM = """
    UPDATE reminder_settings SET last_checked_on = NULL
    WHERE user_id = %(user_id)s AND last_checked_on = %(day)s
"""


class ReminderRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    user_id: int
    enabled: bool
    hour: int
    timezone: str
    last_checked_on: date | None
    last_sent_on: date | None


class ClaimedReminder(BaseModel):
    model_config = ConfigDict(frozen=True)

    user_id: int
    chat_id: int
    locale: str
    timezone: str
    today: date                      # the user's local date the claim is for


class RemindersRepository:
    async def enable(self, tx: Tx, user_id: int, hour: int, timezone: str | None,
                     now: datetime) -> ReminderRecord | None:
        """timezone None: the user's own. None when the user does not exist."""
        row = await tx.fetchone(ENABLE, {"user_id": user_id, "hour": hour, "timezone": timezone, "now": now})
        return ReminderRecord.model_validate(row) if row else None

    async def disable(self, tx: Tx, user_id: int, now: datetime) -> ReminderRecord | None:
        row = await tx.fetchone(DISABLE, {"user_id": user_id, "now": now})
        return ReminderRecord.model_validate(row) if row else None

    async def get(self, tx: Tx, user_id: int) -> ReminderRecord | None:
        row = await tx.fetchone(GET, {"user_id": user_id})
        return ReminderRecord.model_validate(row) if row else None

    async def known_timezone(self, tx: Tx, name: str) -> bool:
        return bool(await tx.fetchval(KNOWN_TIMEZONE, {"name": name}))

    async def claim(self, tx: Tx, now: datetime, limit: int) -> list[ClaimedReminder]:
        return [ClaimedReminder.model_validate(r) for r in await tx.fetchall(CLAIM, {"now": now, "limit": limit})]

    async def mark_sent(self, tx: Tx, user_id: int, day: date) -> None:
        await tx.execute(MARK_SENT, {"user_id": user_id, "day": day})

    async def unclaim(self, tx: Tx, user_id: int, day: date) -> None:
        """Gives today's claim back (a 429): a later tick within the hour tries again."""
        await tx.execute(UNCLAIM, {"user_id": user_id, "day": day})
