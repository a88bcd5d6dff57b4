"""A bounded mailbox: a full one makes senders wait a short, bounded time, then ActorBusy."""
from __future__ import annotations

import asyncio

from actors.runtime.envelope import Envelope
from actors.runtime.errors import ActorBusy, ActorStopped


class Mailbox:
    def __init__(self, actor: str, size: int) -> None:
        if size < 1:
            raise ValueError("mailbox_size must be at least 1: an unbounded mailbox hides overload")
        self.actor = actor
        self.queue: asyncio.Queue[Envelope] = asyncio.Queue(maxsize=size)
        self.closed_reason: str | None = None  # set when nothing will ever read this mailbox again

    def offer(self, envelope: Envelope) -> bool:
        """Enqueue without waiting; False when full. The fast path of tell, ask and publish."""
        if self.closed_reason is not None:
            raise ActorStopped(self.actor, self.closed_reason)
        try:
            self.queue.put_nowait(envelope)
        except asyncio.QueueFull:
            return False
        return True

    async def put(self, envelope: Envelope, busy_wait: float) -> None:
        if self.offer(envelope):
            return
        if busy_wait <= 0:
            raise ActorBusy(self.actor, 0.0)
        try:
            async with asyncio.timeout(busy_wait):
                await self.queue.put(envelope)
        except TimeoutError:
            raise ActorBusy(self.actor, busy_wait) from None
        if self.closed_reason is not None:  # closed while we waited: nobody will read it
            self.fail_pending()

    def __len__(self) -> int:
        return self.queue.qsize()

    def close(self, reason: str) -> None:
        """No more reads will happen: refuse new sends and fail what is queued."""
        self.closed_reason = reason
        self.fail_pending()

    def fail_pending(self) -> int:
        """Answers every queued ask with ActorStopped so no caller waits for its timeout."""
        failed = 0
        while True:
            try:
                envelope = self.queue.get_nowait()
            except asyncio.QueueEmpty:
                return failed
            self.queue.task_done()
            reply = getattr(envelope, "reply", None)  # the STOP marker has no reply
            if reply is not None and not reply.done():
                reply.set_exception(ActorStopped(self.actor, self.closed_reason or "stopped"))
            failed += 1
