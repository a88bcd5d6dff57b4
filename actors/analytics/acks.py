"""An ack for relayed events: done once every one of their rows is stored for good.

The relay deletes an event's outbox row only then, so events a crash catches in the analytics
buffers are delivered again later (ClickHouse de-duplicates them by event_id)."""
from __future__ import annotations

import asyncio


class RowsAck:
    def __init__(self, rows: int) -> None:
        self.future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._remaining = rows
        if rows <= 0:
            self.future.set_result(None)

    def stored(self, rows: int) -> None:
        self._remaining -= rows
        if self._remaining <= 0 and not self.future.done():
            self.future.set_result(None)

    def failed(self, error: BaseException) -> None:
        if not self.future.done():
            self.future.set_exception(error)
