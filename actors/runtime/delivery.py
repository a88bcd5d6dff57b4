"""Deliveries that keep their order even when a mailbox is full (ActorRef.deliver, for the relay).

What the relay delivers is already durable (an outbox row), so it never needs back-pressure by
failing: a delivery that finds the mailbox full waits here, behind the earlier ones, and goes in
as room frees up. A later delivery never overtakes a waiting one, so one user's events reach a
subscriber's shard in the order they were written.
"""
from __future__ import annotations

import asyncio
from collections import deque
from typing import TYPE_CHECKING

from actors.runtime.envelope import Envelope
from actors.runtime.errors import ActorStopped

if TYPE_CHECKING:
    from actors.runtime.mailbox import Mailbox


class OrderedOutlet:
    """One per shard: the deliveries still waiting for room in its mailbox, oldest first."""

    def __init__(self, mailbox: Mailbox) -> None:
        self._mailbox = mailbox
        self._waiting: deque[Envelope] = deque()
        self._task: asyncio.Task[None] | None = None

    def __len__(self) -> int:
        return len(self._waiting)

    def put(self, envelope: Envelope) -> None:
        if not self._waiting and self._mailbox.offer(envelope):
            return
        self._waiting.append(envelope)
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._drain(), name="ordered-delivery")

    async def _drain(self) -> None:
        try:
            while self._waiting:
                if self._mailbox.closed_reason is not None:
                    raise ActorStopped(self._mailbox.actor, self._mailbox.closed_reason)
                await self._mailbox.queue.put(self._waiting[0])
                self._waiting.popleft()
        except (ActorStopped, asyncio.CancelledError) as error:
            stopped = error if isinstance(error, ActorStopped) else ActorStopped(self._mailbox.actor)
            while self._waiting:
                reply = self._waiting.popleft().reply
                if reply is not None and not reply.done():
                    reply.set_exception(stopped)
        finally:
            self._task = None
