"""One mailing's sending loop in this process: claim a batch, then send it group by group at the
global rate, each group marked `sending` (committed) before it goes and recorded after."""
from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable

from loguru import logger

from actors.mailing.ledger import MailingLedger
from actors.mailing.messages import (
    MailingFinished,
    MailingMessageFailed,
    MailingMessageSent,
)
from actors.mailing.options import MailingOptions
from actors.mailing.pacing import ChatPacer, RateLimiter
from actors.mailing.sender import Blocked, Failed, RetryAfter, Sender, SendResult, Sent
from actors.runtime import Event
from storage.postgres.recipients_repo import ClaimedRecipient, Outcome

Publish = Callable[[Event], Awaitable[int]]


class MailingWorker:
    def __init__(self, mailing_id: int, text: str, photo: str | None, ledger: MailingLedger, sender: Sender,
                 limiter: RateLimiter, pacer: ChatPacer, options: MailingOptions, publish: Publish) -> None:
        self.mailing_id, self._text, self._photo = mailing_id, text, photo
        self._ledger, self._sender, self._publish = ledger, sender, publish
        self._limiter, self._pacer, self._options = limiter, pacer, options
        self._stopping = asyncio.Event()
        self._renewed = time.monotonic()

    def stop(self) -> None:
        """Finish the group in flight, hand the rest back, end."""
        self._stopping.set()

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    async def run(self) -> None:
        try:
            await self._ledger.materialize(self.mailing_id)
            while not self._stopping.is_set():
                batch = await self._ledger.claim(self.mailing_id, self._options.claim_size)
                if batch is None:
                    return  # paused, cancelled or finished elsewhere
                if batch:
                    await self._send_batch(batch)
                elif await self._finish_if_done():
                    return
                else:  # the rest is in flight elsewhere, or leased by a process that died
                    await self._pause_unless_stopping(min(1.0, self._options.lease_seconds / 4))
        finally:
            await self._release()

    async def _send_batch(self, batch: list[ClaimedRecipient]) -> None:
        known_blocked = [r for r in batch if r.bot_blocked]  # blocked by another mailing meanwhile
        if known_blocked:
            outcomes = [Outcome(user_id=r.user_id, state="blocked", error="blocked earlier") for r in known_blocked]
            await self._after(await self._ledger.record(self.mailing_id, outcomes, from_state="pending"))
        queue = deque(r for r in batch if not r.bot_blocked)
        while queue and not self._stopping.is_set():
            group = await self._next_group(queue)
            if group and not await self._send_group(group, queue):
                return

    async def _next_group(self, queue: deque[ClaimedRecipient]) -> list[ClaimedRecipient]:
        """Up to group_size recipients whose chat may get a message now and for whom tokens exist."""
        ready: list[ClaimedRecipient] = []
        waits: list[float] = []
        for _ in range(len(queue)):
            recipient = queue.popleft()
            wait = self._pacer.wait_for(recipient.chat_id)
            if wait > 0:
                queue.append(recipient)
                waits.append(wait)
                continue
            ready.append(recipient)
            if len(ready) >= self._options.group_size:
                break
        if not ready:
            await self._pause_unless_stopping(min(waits))
            return []
        taken = await self._limiter.take(len(ready))
        queue.extendleft(reversed(ready[taken:]))
        return ready[:taken]

    async def _send_group(self, group: list[ClaimedRecipient], queue: deque[ClaimedRecipient]) -> bool:
        """False when the mailing stopped running (paused or cancelled)."""
        renew = time.monotonic() - self._renewed > self._options.lease_seconds / 3
        marked = await self._ledger.mark_sending(self.mailing_id, [r.user_id for r in group], renew=renew)
        if renew:
            self._renewed = time.monotonic()
        if len(marked) < len(group):
            self._limiter.give_back(len(group) - len(marked))
            if not marked:  # nothing was ours to send: paused or cancelled, or leases taken over
                return await self._ledger.still_running(self.mailing_id)
        sending = [r for r in group if r.user_id in marked]
        for recipient in sending:
            self._pacer.record(recipient.chat_id)
        results = await asyncio.gather(*(self._send_one(r) for r in sending))
        outcomes = []
        for recipient, result in zip(sending, results, strict=True):
            outcomes.append(_outcome(recipient, result))
            if isinstance(result, RetryAfter):
                logger.warning("mailing {}: Telegram 429, all sending paused for {} s", self.mailing_id, result.seconds)
                self._limiter.pause(result.seconds)
                queue.appendleft(recipient)
        await self._after(await self._ledger.record(self.mailing_id, outcomes))
        return True

    async def _send_one(self, recipient: ClaimedRecipient) -> SendResult:
        try:
            return await asyncio.wait_for(self._sender.send(recipient.chat_id, self._text, self._photo),
                                          self._options.send_timeout)
        except TimeoutError:
            return Failed("timeout: the message may have been delivered")
        except Exception as error:  # noqa: BLE001 - a sender bug fails one recipient, not the mailing
            logger.opt(exception=error).error("mailing {}: sender raised", self.mailing_id)
            return Failed(type(error).__name__)

    async def _after(self, applied: dict[int, str]) -> None:
        for user_id, state in applied.items():
            if state == "sent":
                await self._publish(MailingMessageSent(mailing_id=self.mailing_id, user_id=user_id))
            elif state in ("blocked", "failed"):
                await self._publish(MailingMessageFailed(mailing_id=self.mailing_id, user_id=user_id, reason=state))

    async def _finish_if_done(self) -> bool:
        done = await self._ledger.finish_if_done(self.mailing_id)
        if done is not None:
            logger.info("mailing {} finished: {} sent, {} failed, {} blocked, {} interrupted of {}", done.id,
                        done.sent, done.failed, done.blocked, done.interrupted, done.total)
            await self._publish(MailingFinished(mailing_id=done.id, status="finished", total=done.total, sent=done.sent,
                                                failed=done.failed, blocked=done.blocked, interrupted=done.interrupted))
        return done is not None

    async def _pause_unless_stopping(self, seconds: float) -> None:
        try:
            await asyncio.wait_for(self._stopping.wait(), seconds)
        except TimeoutError:
            pass

    async def _release(self) -> None:
        try:
            await asyncio.shield(self._ledger.release(self.mailing_id))
        except Exception:  # noqa: BLE001 - the lease expires by itself anyway
            logger.warning("mailing {}: could not hand back leased recipients; they free up when the lease ends",
                           self.mailing_id)


def _outcome(recipient: ClaimedRecipient, result: SendResult) -> Outcome:
    if isinstance(result, Sent):
        return Outcome(user_id=recipient.user_id, state="sent")
    if isinstance(result, Blocked):
        return Outcome(user_id=recipient.user_id, state="blocked", error=result.reason[:500])
    if isinstance(result, RetryAfter):
        return Outcome(user_id=recipient.user_id, state="pending")
    return Outcome(user_id=recipient.user_id, state="failed", error=result.reason[:500])
