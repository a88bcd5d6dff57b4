"""Messages kept up to date in place while a long job runs (a mailing, an export).

Each watched message has a task that calls its `step` every few seconds until the step says the
job is over. The board belongs to the admin router of one dispatcher: its shutdown (when polling
stops) cancels and awaits every task.
"""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from aiogram.exceptions import TelegramBadRequest
from loguru import logger

Step = Callable[[], Awaitable[bool]]  # True when there is nothing more to show
INTERVAL_SECONDS = 2.0
MAX_FAILURES = 5


class ProgressBoard:
    def __init__(self, interval: float = INTERVAL_SECONDS) -> None:
        self.interval = interval
        self._tasks: dict[tuple[int, int], asyncio.Task[None]] = {}

    def watch(self, chat_id: int, message_id: int, step: Step) -> None:
        """Starts (or restarts) keeping this message up to date."""
        key = (chat_id, message_id)
        if (old := self._tasks.pop(key, None)) is not None:
            old.cancel()
        task = asyncio.create_task(self._follow(step), name=f"admin-progress:{chat_id}:{message_id}")
        self._tasks[key] = task
        task.add_done_callback(lambda done: self._tasks.pop(key, None) if self._tasks.get(key) is done else None)

    async def close(self) -> None:
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _follow(self, step: Step) -> None:
        failures = 0
        while True:
            try:
                if await step():
                    return
                failures = 0
            except TelegramBadRequest as error:
                if "not modified" not in error.message:  # the message is gone: nothing to update
                    logger.info("admin progress stopped: {}", error.message)
                    return
            except Exception as error:  # noqa: BLE001 - busy actor, database away: try again later
                failures += 1
                logger.warning("admin progress update failed ({}): {}", failures, type(error).__name__)
                if failures >= MAX_FAILURES:
                    return
            await asyncio.sleep(self.interval)


async def edit_quietly(edit: Awaitable[object]) -> None:
    """An edit that may find the text unchanged (a double tap, an unchanged progress)."""
    try:
        await edit
    except TelegramBadRequest as error:
        if "not modified" not in error.message:
            raise
