"""Retrying event work while a store is away: an event told to an actor has no caller to see an
error, so giving up at the first StoreUnavailable would silently lose it."""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from loguru import logger

from actors.runtime import ActorBusy, AskTimeout
from storage.postgres import StoreUnavailable

T = TypeVar("T")
TRANSIENT = (StoreUnavailable, ActorBusy, AskTimeout)


async def while_unavailable(operation: Callable[[], Awaitable[T]], *, what: str, give_up_after: float = 120.0,
                            first_delay: float = 0.2, max_delay: float = 5.0) -> T:
    """Runs `operation` until it succeeds or `give_up_after` seconds passed (then re-raises).

    The actor's mailbox waits meanwhile: while the store is down its other messages would fail too,
    and keeping the order keeps each user's events applied in order."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + give_up_after
    delay = first_delay
    while True:
        try:
            return await operation()
        except TRANSIENT as error:
            if loop.time() + delay > deadline:
                raise
            logger.warning("{}: {} ({}); retrying in {:.1f} s", what, type(error).__name__, error, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, max_delay)
