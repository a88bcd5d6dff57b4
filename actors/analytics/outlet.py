"""Where a batch goes when ClickHouse cannot take it: the spool, with every loss counted and logged.

Nothing is dropped silently: a batch the spool refuses (cap reached, disk error) adds its rows to
`dropped` and logs an ERROR naming the count, and a batch ClickHouse refuses as data is kept in
the spool's rejected/ folder for a human, also counted. While the spool stays full the ERROR is
repeated at most every DROP_LOG_SECONDS with the running total: each log line is itself a row that
the full spool would drop, and one line per batch would feed itself.
"""
from __future__ import annotations

import asyncio
from time import monotonic

from loguru import logger

from actors.analytics.counters import Counters
from storage.clickhouse.batch import RowBatch
from storage.spool import Spool

DROP_LOG_SECONDS = 10.0


class SpoolOutlet:
    def __init__(self, spool: Spool, counters: Counters) -> None:
        self.spool = spool
        self._counters = counters
        self._last_drop_log = -DROP_LOG_SECONDS

    def write(self, batch: RowBatch, *, attempted: bool) -> None:
        """Inline (overload and shutdown paths): a local file write, no network."""
        self._account(batch, self._write_file(batch, attempted))

    async def write_async(self, batch: RowBatch, *, attempted: bool) -> None:
        """In a worker thread, so the fsync does not stall the event loop."""
        self._account(batch, await asyncio.to_thread(self._write_file, batch, attempted))

    def reject(self, batch: RowBatch, reason: BaseException) -> None:
        kept = self.spool.put_aside(batch)
        batch.settle()  # kept for a human: delivering it again would be refused again
        self._counters.dropped += len(batch)
        logger.error("ClickHouse refused {} analytics rows ({}); kept in {}", len(batch), reason, kept)

    def _write_file(self, batch: RowBatch, attempted: bool) -> str | None:
        """Returns why the batch could not be spooled, or None. Thread-safe (the Spool is)."""
        try:
            if self.spool.write(batch, attempted=attempted):
                return None
        except OSError as error:
            return f"spool write failed: {error}"
        return f"spool is full ({self.spool.size_bytes} of {self.spool.max_bytes} bytes)"

    def _account(self, batch: RowBatch, failure: str | None) -> None:
        if failure is None:
            self._counters.spooled += len(batch)
            batch.settle()
            return
        batch.settle(OSError(failure))  # relayed events will be delivered again: not lost
        self._counters.dropped += len(batch)
        if monotonic() - self._last_drop_log >= DROP_LOG_SECONDS:
            self._last_drop_log = monotonic()
            logger.error("analytics DROPPED {} {} rows: {}; {} dropped so far", len(batch), batch.table,
                         failure, self._counters.dropped)
