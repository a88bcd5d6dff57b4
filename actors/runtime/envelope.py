"""What travels through a mailbox: the message plus what the runtime needs beside it."""
from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from actors.runtime.message import Message


class Envelope:
    # __slots__: one envelope per message, so keep it small and cheap to build.
    __slots__ = ("enqueued_at", "message", "reply", "trace")

    def __init__(self, message: Message, reply: asyncio.Future[Any] | None, enqueued_at: float,
                 trace: Mapping[str, Any]) -> None:
        self.message = message
        self.reply = reply  # None for tell/publish: nobody waits for the result
        self.enqueued_at = enqueued_at  # perf_counter() at enqueue, for the queue-wait metric
        self.trace = trace


# Put behind the last message at a graceful stop: the loop exits when it reaches it.
STOP: Any = object()
