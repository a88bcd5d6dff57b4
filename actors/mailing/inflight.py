"""The sends of one mailing worker that await Telegram's answer: started without waiting for them,
at most `limit` at once, and owned (awaited or cancelled) by the worker."""
from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any


class InFlight:
    def __init__(self, limit: int) -> None:
        self.limit = max(1, limit)
        self._tasks: set[asyncio.Task[None]] = set()
        self._landed = asyncio.Event()
        self._closed = False

    def __len__(self) -> int:
        return len(self._tasks)

    async def room(self) -> int:
        """How many more may start now; waits while `limit` are in flight (0 once closed)."""
        while len(self._tasks) >= self.limit and not self._closed:
            self._landed.clear()
            await self._landed.wait()
        return 0 if self._closed else self.limit - len(self._tasks)

    def start(self, send: Coroutine[Any, Any, None], name: str) -> None:
        task = asyncio.create_task(send, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._landed_one)

    def close(self) -> None:
        """No more room from now on (a wait for room returns 0)."""
        self._closed = True
        self._landed.set()

    async def settle(self) -> None:
        """Returns when every send started so far has landed."""
        if self._tasks:
            await asyncio.wait(set(self._tasks))

    def cancel(self) -> None:
        for task in self._tasks:
            task.cancel()

    def _landed_one(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        self._landed.set()
