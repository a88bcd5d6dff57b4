"""The outcomes of one mailing's sends, written to the ledger in batches beside the sending loop.

Only the `sending` mark has to commit before a message goes; an outcome may follow a moment later.
So the sending loop hands outcomes over here and goes on: it never waits for these writes, and one
write covers every outcome that arrived while the previous one ran (or within `linger`).
"""
from __future__ import annotations

import asyncio

from actors.mailing.ledger import MailingLedger
from actors.mailing.sender import Blocked, RetryAfter, SendResult, Sent
from storage.postgres.recipients_repo import ClaimedRecipient, Outcome


class OutcomeRecorder:
    def __init__(self, mailing_id: int, ledger: MailingLedger, *, batch: int, linger: float) -> None:
        self._mailing_id, self._ledger = mailing_id, ledger
        self._batch, self._linger = max(1, batch), linger
        self._waiting: list[Outcome] = []
        self._arrived = asyncio.Event()
        self._written = asyncio.Event()
        self._written.set()
        self._task: asyncio.Task[None] | None = None
        self.error: BaseException | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._write_forever(), name=f"mailing:{self._mailing_id}:recorder")

    def add(self, outcome: Outcome) -> None:
        """Queues an outcome; never waits."""
        self._waiting.append(outcome)
        self._written.clear()
        self._arrived.set()

    @property
    def idle(self) -> bool:
        """Everything added so far is written."""
        return self._written.is_set()

    async def settle(self) -> None:
        """Returns when everything added so far is written; raises what a write raised."""
        while not self._written.is_set() and self.error is None and self._task is not None and not self._task.done():
            waiter = asyncio.ensure_future(self._written.wait())
            await asyncio.wait([waiter, self._task], return_when=asyncio.FIRST_COMPLETED)
            waiter.cancel()
        if self.error is not None:
            raise self.error

    def raise_if_failed(self) -> None:
        if self.error is not None:
            raise self.error

    async def write(self, outcomes: list[Outcome], *, from_state: str) -> None:
        """Writes these at once (outcomes of rows not marked `sending`)."""
        await self._apply(outcomes, from_state)

    async def close(self) -> None:
        """Writes what is waiting, then stops."""
        if self._task is None:
            return
        if self.error is None:
            await self.settle()
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)

    async def _write_forever(self) -> None:
        try:
            while True:
                await self._arrived.wait()
                if len(self._waiting) < self._batch and self._linger > 0:
                    await asyncio.sleep(self._linger)  # let a few more join this write
                self._arrived.clear()
                outcomes, self._waiting = self._waiting, []
                await self._apply(outcomes, "sending")
                if not self._waiting:
                    self._written.set()
        except asyncio.CancelledError:
            raise
        except Exception as error:  # noqa: BLE001 - the worker raises it; the rows stay `sending` (interrupted)
            self.error = error

    async def _apply(self, outcomes: list[Outcome], from_state: str) -> None:
        if not outcomes:
            return
        await self._ledger.record(self._mailing_id, outcomes, from_state=from_state)  # with their events


def outcome_of(recipient: ClaimedRecipient, result: SendResult) -> Outcome:
    if isinstance(result, Sent):
        return Outcome(user_id=recipient.user_id, state="sent")
    if isinstance(result, Blocked):
        return Outcome(user_id=recipient.user_id, state="blocked", error=result.reason[:500])
    if isinstance(result, RetryAfter):  # not delivered: ours to try again after the pause
        return Outcome(user_id=recipient.user_id, state="pending")
    return Outcome(user_id=recipient.user_id, state="failed", error=result.reason[:500])
