"""One round of reminders: claim the users whose local hour it is, decide, send through the shared
rate limiter (the mailing's, so reminders and mailings together stay within Telegram's limits).

A user is claimed for the local day before anything is sent, so a reminder goes out at most once a
day even with several processes; a 429 gives the claim back for a later tick in the same hour.
"""
from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from datetime import datetime

from loguru import logger

from actors.mailing.pacing import ChatPacer, RateLimiter
from actors.mailing.sender import (
    Blocked,
    Button,
    Failed,
    RetryAfter,
    Sender,
    SendResult,
    Sent,
)
from actors.reminders.messages import ReminderRun, ReminderSent
from actors.reminders.reasons import DueCount, Reasons, StreakOf, reasons_for
from storage.postgres import Database
from storage.postgres.reminders_repo import ClaimedReminder, RemindersRepository

Render = Callable[[Reasons, str], str]                 # (reasons, locale) -> Telegram HTML
ReminderButtons = Callable[[Reasons, str], Sequence[Button]]  # (reasons, locale) -> buttons under it
CLAIM_SIZE = 200
SEND_TIMEOUT = 10.0


def no_buttons(reasons: Reasons, locale: str) -> Sequence[Button]:
    """Without the bot's own (its callback data and texts), a reminder has no buttons."""
    return ()


class ReminderRound:
    def __init__(self, database: Database, sender: Sender, limiter: RateLimiter, pacer: ChatPacer,
                 due_count: DueCount, streak_of: StreakOf, render: Render, buttons: ReminderButtons) -> None:
        self._db, self._sender, self._limiter, self._pacer = database, sender, limiter, pacer
        self._due_count, self._streak_of, self._render = due_count, streak_of, render
        self._buttons = buttons
        self._repo = RemindersRepository()

    async def run(self, now: datetime) -> ReminderRun:
        totals = {"checked": 0, "sent": 0, "nothing_to_say": 0, "retry_later": 0, "failed": 0}
        seen: set[int] = set()
        while True:
            async with self._db.transaction() as tx:
                batch = await self._repo.claim(tx, now, CLAIM_SIZE)
            fresh = [t for t in batch if t.user_id not in seen]
            for target in batch:
                if target.user_id in seen:  # given back earlier in this round: the next tick retries
                    await self._unclaim(target)
                    continue
                seen.add(target.user_id)
                totals["checked"] += 1
                totals[await self._one(target, now)] += 1
            if len(batch) < CLAIM_SIZE or not fresh:
                return ReminderRun(**totals)

    async def _one(self, target: ClaimedReminder, now: datetime) -> str:
        try:
            reasons = reasons_for(await self._due_count(target.user_id), await self._streak_of(target.user_id),
                                  target.today)
        except Exception as error:  # noqa: BLE001 - one user's lookup must not stop the round
            logger.warning("reminder for user {}: lookup failed: {}", target.user_id, type(error).__name__)
            await self._unclaim(target)
            return "retry_later"
        if not reasons.any:
            return "nothing_to_say"
        result = await self._send(target.chat_id, self._render(reasons, target.locale),
                                  self._buttons(reasons, target.locale))
        if isinstance(result, Sent):
            async with self._db.transaction() as tx:
                await self._repo.mark_sent(tx, target.user_id, target.today)
                await tx.record(ReminderSent(user_id=target.user_id, due_reviews=reasons.due_reviews,
                                             streak_days=reasons.streak_days,
                                             streak_at_risk=reasons.streak_at_risk, local_date=target.today))
            return "sent"
        if isinstance(result, RetryAfter):
            self._limiter.pause(result.seconds)
            await self._unclaim(target)
            return "retry_later"
        if isinstance(result, Blocked):  # they blocked the bot: stop reminding them
            async with self._db.transaction() as tx:
                await self._repo.disable(tx, target.user_id, now)
        return "failed"  # a Failed send is not retried: it may have been delivered

    async def _send(self, chat_id: int, html: str, buttons: Sequence[Button]) -> SendResult:
        await self._limiter.take(1)
        wait = self._pacer.wait_for(chat_id)
        if wait > 0:
            await asyncio.sleep(wait)
        self._pacer.record(chat_id)
        try:
            return await asyncio.wait_for(self._sender.send(chat_id, html, None, buttons), SEND_TIMEOUT)
        except TimeoutError:
            return Failed("timeout")

    async def _unclaim(self, target: ClaimedReminder) -> None:
        async with self._db.transaction() as tx:
            await self._repo.unclaim(tx, target.user_id, target.today)
