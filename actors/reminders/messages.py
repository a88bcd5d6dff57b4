"""The reminders concern's contract: opt-in daily reminders in the bot at the hour the user picks, in
their time zone, sent only when mistakes are due or the streak is at risk, at most one a day."""
from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from actors.runtime import Event, Message


class ReminderSettings(BaseModel):
    model_config = ConfigDict(frozen=True)

    user_id: int
    enabled: bool
    hour: int | None = Field(description="local hour 0..23; null: never set")
    timezone: str | None = Field(description="IANA name, e.g. Europe/Moscow")
    last_sent_on: date | None = Field(description="the local day of the last reminder")


class ReminderRun(BaseModel):
    model_config = ConfigDict(frozen=True)

    checked: int                    # users whose hour it was, evaluated now
    sent: int
    nothing_to_say: int             # no due mistakes and no streak at risk
    retry_later: int                # Telegram asked to wait: tried again on a later tick this hour
    failed: int                     # blocked (reminders turned off) or not delivered


class EnableReminders(Message):
    """-> ReminderSettings. timezone None: the user's own (users.timezone). Enabling again changes the
    hour. Raises UnknownTimezone (InvalidInput), ReminderUserNotFound."""
    user_id: int
    hour: int = Field(ge=0, le=23)
    timezone: str | None = Field(None, min_length=1, max_length=64)
    log_fields = ("user_id", "hour", "timezone")


class DisableReminders(Message):
    """-> ReminderSettings (enabled False; repeating it is harmless). The bot's /stop_reminders."""
    user_id: int
    log_fields = ("user_id",)


class GetReminderSettings(Message):
    """-> ReminderSettings (enabled False, hour None for a user who never turned them on)."""
    user_id: int
    log_fields = ("user_id",)


class RunReminders(Message):
    """-> ReminderRun: one round now, as the periodic tick does (tests, operators). Raises
    SenderUnavailable when the bot is off."""
    at: datetime | None = None      # None: the actor's clock


class ReminderSent(Event):
    user_id: int
    due_reviews: int
    streak_days: int
    streak_at_risk: bool
    local_date: date
