"""The reminders actor: reminder settings, and a periodic tick (a task it owns, cancelled and awaited
on stop) that sends today's reminders at each user's local hour (rounds.py).

It owns reminder_settings (migration 0007) and reads users (chat, locale, blocked). It asks the
adaptive actor (due mistakes) and stats (the streak) through the callables it is given; nobody asks
it back. Without a Sender (the bot is off) settings work and no tick runs.
"""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime

from loguru import logger

from actors.mailing.errors import SenderUnavailable
from actors.mailing.pacing import ChatPacer, RateLimiter
from actors.mailing.sender import Sender
from actors.reminders.errors import ReminderUserNotFound, UnknownTimezone
from actors.reminders.messages import (
    DisableReminders,
    EnableReminders,
    GetReminderSettings,
    ReminderRun,
    ReminderSettings,
    RunReminders,
)
from actors.reminders.reasons import DueCount, StreakOf
from actors.reminders.rounds import ReminderButtons, ReminderRound, Render, no_buttons
from actors.reminders.texts import render_reminder
from actors.runtime import Actor, handles
from storage.postgres import Database
from storage.postgres.reminders_repo import ReminderRecord, RemindersRepository

Clock = Callable[[], datetime]
TICK_SECONDS = 60.0


def utc_now() -> datetime:
    return datetime.now(UTC)


class RemindersActor(Actor):
    def __init__(self, database: Database, sender: Sender | None, limiter: RateLimiter, pacer: ChatPacer,
                 due_count: DueCount, streak_of: StreakOf, *, render: Render = render_reminder,
                 buttons: ReminderButtons = no_buttons, clock: Clock = utc_now,
                 tick_seconds: float | None = TICK_SECONDS) -> None:
        """tick_seconds None: no periodic tick (RunReminders only)."""
        self._db, self._sender, self._clock, self._tick_seconds = database, sender, clock, tick_seconds
        self._limiter, self._pacer, self._due_count, self._streak_of = limiter, pacer, due_count, streak_of
        self._render, self._buttons = render, buttons
        self._repo = RemindersRepository()
        self._round: ReminderRound | None = None
        self._ticker: asyncio.Task[None] | None = None

    async def on_start(self) -> None:
        if self._sender is None:
            return
        self._round = ReminderRound(self._db, self._sender, self._limiter, self._pacer, self._due_count,
                                    self._streak_of, self._render, self._buttons)
        if self._tick_seconds is not None:
            self._ticker = asyncio.create_task(self._tick_forever(self._tick_seconds), name="reminders:tick")

    async def on_stop(self) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
            await asyncio.gather(self._ticker, return_exceptions=True)
            self._ticker = None
        if self._sender is not None:  # as the mailing actor does; a later send reopens the session
            await self._sender.close()

    async def _tick_forever(self, seconds: float) -> None:
        while True:
            try:
                await self._round.run(self._clock())
            except Exception as error:  # noqa: BLE001 - the database may be away; the next tick retries
                logger.warning("reminders round failed: {}", type(error).__name__)
            await asyncio.sleep(seconds)

    @handles(EnableReminders)
    async def enable(self, msg: EnableReminders) -> ReminderSettings:
        async with self._db.transaction() as tx:
            if msg.timezone is not None and not await self._repo.known_timezone(tx, msg.timezone):
                raise UnknownTimezone(f"unknown time zone {msg.timezone!r}: use an IANA name such as Europe/Moscow")
            record = await self._repo.enable(tx, msg.user_id, msg.hour, msg.timezone, self._clock())
        if record is None:
            raise ReminderUserNotFound()
        return _settings(record)

    @handles(DisableReminders)
    async def disable(self, msg: DisableReminders) -> ReminderSettings:
        async with self._db.transaction() as tx:
            record = await self._repo.disable(tx, msg.user_id, self._clock())
        return _settings(record) if record else _never(msg.user_id)

    @handles(GetReminderSettings, logged=False)
    async def get(self, msg: GetReminderSettings) -> ReminderSettings:
        async with self._db.transaction() as tx:
            record = await self._repo.get(tx, msg.user_id)
        return _settings(record) if record else _never(msg.user_id)

    @handles(RunReminders)
    async def run(self, msg: RunReminders) -> ReminderRun:
        if self._round is None:
            raise SenderUnavailable()
        return await self._round.run(msg.at or self._clock())


def _settings(record: ReminderRecord) -> ReminderSettings:
    return ReminderSettings(user_id=record.user_id, enabled=record.enabled, hour=record.hour,
                            timezone=record.timezone, last_sent_on=record.last_sent_on)


def _never(user_id: int) -> ReminderSettings:
    return ReminderSettings(user_id=user_id, enabled=False, hour=None, timezone=None, last_sent_on=None)
