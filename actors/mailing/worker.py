"""One mailing's sending loop in this process: claim a batch, then send it group by group at the
global rate.

Each group is marked `sending` (committed) before it goes; then its sends run on their own and the
loop goes on to the next group, while the outcomes are written in batches beside it (recorder.py).
So the one database write between two groups is the mark, and the rate limiter's burst absorbs it:
neither Telegram's answers nor the outcome writes hold the next group back.
"""
from __future__ import annotations

import asyncio
import time
from collections import deque

from loguru import logger

from actors.mailing.inflight import InFlight
from actors.mailing.ledger import MailingLedger
from actors.mailing.options import MailingOptions
from actors.mailing.pacing import ChatPacer, RateLimiter
from actors.mailing.recorder import OutcomeRecorder, outcome_of
from actors.mailing.sender import Failed, RetryAfter, Sender, SendResult
from storage.postgres.recipients_repo import ClaimedRecipient, Outcome

RECORD_LINGER = 0.02  # seconds an outcome may wait for others to share its write


class MailingWorker:
    def __init__(self, mailing_id: int, text: str, photo: str | None, ledger: MailingLedger, sender: Sender,
                 limiter: RateLimiter, pacer: ChatPacer, options: MailingOptions) -> None:
        self.mailing_id, self._text, self._photo = mailing_id, text, photo
        self._ledger, self._sender = ledger, sender
        self._limiter, self._pacer, self._options = limiter, pacer, options
        self._recorder = OutcomeRecorder(mailing_id, ledger, batch=options.group_size, linger=RECORD_LINGER)
        self._in_flight = InFlight(options.in_flight_limit)
        self._at_least = max(1, int(limiter.burst / 2))  # tokens per mark: see RateLimiter.take
        self._stopping = asyncio.Event()
        self._renewed = time.monotonic()

    def stop(self) -> None:
        """Let the sends in flight land, hand the rest back, end."""
        self._stopping.set()
        self._in_flight.close()  # wakes a wait for room

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    async def run(self) -> None:
        self._recorder.start()
        try:
            await self._ledger.materialize(self.mailing_id)
            while not self._stopping.is_set():
                self._recorder.raise_if_failed()
                batch = await self._ledger.claim(self.mailing_id, self._options.claim_size)
                if batch is None:
                    return  # paused, cancelled or finished elsewhere
                if batch:
                    await self._send_batch(batch)
                elif self._in_flight or not self._recorder.idle:
                    await self._settle()  # a recipient answered 429 comes back `pending`: claimed again
                elif await self._finish_if_done():
                    return
                else:  # the rest is in flight elsewhere, or leased by a process that died
                    await self._pause_unless_stopping(min(1.0, self._options.lease_seconds / 4))
        except asyncio.CancelledError:
            self._in_flight.cancel()  # our owner stopped waiting: these read as interrupted
            raise
        finally:
            await self._wind_down()

    async def _send_batch(self, batch: list[ClaimedRecipient]) -> None:
        known_blocked = [r for r in batch if r.bot_blocked]  # blocked by another mailing meanwhile
        if known_blocked:
            await self._recorder.write([Outcome(user_id=r.user_id, state="blocked", error="blocked earlier")
                                        for r in known_blocked], from_state="pending")
        queue = deque(r for r in batch if not r.bot_blocked)
        while queue and not self._stopping.is_set():
            self._recorder.raise_if_failed()
            group = await self._next_group(queue)
            if group and not await self._launch(group):
                return

    async def _next_group(self, queue: deque[ClaimedRecipient]) -> list[ClaimedRecipient]:
        """Up to group_size recipients whose chat may get a message now and for whom tokens exist."""
        room = min(self._options.group_size, await self._in_flight.room())
        if room == 0:  # stopping
            return []
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
            if len(ready) >= room:
                break
        if not ready:
            await self._pause_unless_stopping(min(waits))
            return []
        taken = await self._limiter.take(len(ready), at_least=self._at_least)
        # Checked again after the wait, and recorded at once: another sender may have used a chat meanwhile.
        group = [r for r in ready[:taken] if self._pacer.wait_for(r.chat_id) == 0]
        for recipient in group:
            self._pacer.record(recipient.chat_id)
        chosen = {r.user_id for r in group}
        queue.extendleft(reversed([r for r in ready if r.user_id not in chosen]))
        self._limiter.give_back(taken - len(group))
        return group

    async def _launch(self, group: list[ClaimedRecipient]) -> bool:
        """Marks the group `sending` and starts its sends; False when the mailing stopped running."""
        renew = time.monotonic() - self._renewed > self._options.lease_seconds / 3
        marked = await self._ledger.mark_sending(self.mailing_id, [r.user_id for r in group], renew=renew)
        if renew:
            self._renewed = time.monotonic()
        if len(marked) < len(group):
            self._limiter.give_back(len(group) - len(marked))
            if not marked:  # nothing was ours to send: paused or cancelled, or leases taken over
                return await self._ledger.still_running(self.mailing_id)
        while self._limiter.paused_for > 0 and not self._stopping.is_set():  # a 429 landed while we marked
            await self._pause_unless_stopping(self._limiter.paused_for)
        if self._stopping.is_set():  # none of these went: hand them back
            await self._recorder.write([Outcome(user_id=u, state="pending") for u in marked], from_state="sending")
            return True
        for recipient in group:
            if recipient.user_id in marked:
                self._in_flight.start(self._deliver(recipient), name=f"mailing:{self.mailing_id}:send")
        return True

    async def _deliver(self, recipient: ClaimedRecipient) -> None:
        result = await self._send_one(recipient)
        if isinstance(result, RetryAfter):
            logger.warning("mailing {}: Telegram 429, all sending paused for {} s", self.mailing_id, result.seconds)
            self._limiter.pause(result.seconds)
        self._recorder.add(outcome_of(recipient, result))

    async def _send_one(self, recipient: ClaimedRecipient) -> SendResult:
        try:
            return await asyncio.wait_for(self._sender.send(recipient.chat_id, self._text, self._photo),
                                          self._options.send_timeout)
        except TimeoutError:
            return Failed("timeout: the message may have been delivered")
        except Exception as error:  # noqa: BLE001 - a sender bug fails one recipient, not the mailing
            logger.opt(exception=error).error("mailing {}: sender raised", self.mailing_id)
            return Failed(type(error).__name__)

    async def _settle(self) -> None:
        """Every send started has landed and its outcome is written."""
        await self._in_flight.settle()
        await self._recorder.settle()

    async def _finish_if_done(self) -> bool:
        done = await self._ledger.finish_if_done(self.mailing_id)
        if done is not None:
            logger.info("mailing {} finished: {} sent, {} failed, {} blocked, {} interrupted of {}", done.id,
                        done.sent, done.failed, done.blocked, done.interrupted, done.total)
        return done is not None

    async def _pause_unless_stopping(self, seconds: float) -> None:
        try:
            await asyncio.wait_for(self._stopping.wait(), seconds)
        except TimeoutError:
            pass

    async def _wind_down(self) -> None:
        """The sends in flight land (a send cancelled by our owner reads as interrupted), their outcomes
        are written, and our unsent recipients go back at once, so another process (or a restart) goes on."""
        try:
            await self._in_flight.settle()
        finally:
            self._in_flight.cancel()
            try:
                await asyncio.shield(self._hand_back())
            except Exception:  # noqa: BLE001 - the lease expires by itself anyway
                logger.warning("mailing {}: could not write outcomes or hand back leased recipients; they free up "
                               "when the lease ends", self.mailing_id)

    async def _hand_back(self) -> None:
        try:
            await self._recorder.close()
        finally:
            await self._ledger.release(self.mailing_id)

