"""Delivers batches to ClickHouse in a background task owned by the analytics actor.

The actor's handlers only buffer rows and hand batches over (`submit`), so a slow or absent
ClickHouse never fills the actor's mailbox and never delays a user. Batches that queue while an
insert runs leave merged in the next one (pending.py). The sender keeps the order: older spooled
batches are replayed before newer in-memory ones. States: connecting (first probe), up, down
(everything spools; probed every probe_interval), not_configured (everything spools).
"""
from __future__ import annotations

import asyncio
from time import monotonic

from loguru import logger

from actors.analytics.counters import Counters
from actors.analytics.options import AnalyticsOptions
from actors.analytics.outlet import SpoolOutlet
from actors.analytics.pending import PendingBatches
from storage.clickhouse.batch import RowBatch, RowWriter
from storage.clickhouse.writer import ClickHouseRejected
from storage.spool import Spool, replay


class Sender:
    def __init__(self, writer: RowWriter | None, spool: Spool, counters: Counters,
                 options: AnalyticsOptions) -> None:
        self._writer = writer
        self._spool = spool
        self._outlet = SpoolOutlet(spool, counters)
        self._counters = counters
        self._options = options
        self.state = "not_configured" if writer is None else "connecting"
        self._pending = PendingBatches(options.max_pending_rows, options.max_insert_rows)
        self._current: RowBatch | None = None
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        self._closing = False
        self._next_probe = 0.0  # monotonic time of the next probe (or replay retry)
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="analytics-sender")

    @property
    def buffered_rows(self) -> int:
        return self._pending.rows + (len(self._current) if self._current else 0)

    def submit(self, batch: RowBatch) -> None:
        """Never waits: queues the batch, or spools it right here when the queue is full (overload)."""
        if self._task is None or self._task.done() or not self._pending.offer(batch):
            self._outlet.write(batch, attempted=False)
            return
        self._idle.clear()
        self._wake.set()

    async def wait_idle(self, timeout: float) -> bool:
        try:
            async with asyncio.timeout(timeout):
                await self._idle.wait()
        except TimeoutError:
            return False
        return True

    async def close(self, timeout: float) -> None:
        """Delivers (one attempt each) or spools what is queued; spools whatever is left at the deadline."""
        self._closing = True
        self._wake.set()
        await self.wait_idle(timeout)
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        leftovers = ([self._current] if self._current else []) + self._pending.take_all()
        self._current = None
        for batch in leftovers:  # possibly sent already (cut mid-insert): the replay dedupes
            self._outlet.write(batch, attempted=True)

    async def _run(self) -> None:
        while True:
            try:
                await self._step()
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - a bug here must not end delivery for good
                logger.opt(exception=True).error("analytics sender step failed")
                await asyncio.sleep(self._options.probe_interval)

    async def _step(self) -> None:
        closing = self._closing
        if self._writer is not None and not closing and monotonic() >= self._next_probe:
            if self.state in ("connecting", "down"):
                await self._probe()
            if self.state == "up" and self._spool.file_count:
                await self._replay()
        if self._pending:
            self._current = self._pending.take()
            await self._deliver(self._current)
            self._current = None
            return
        self._idle.set()
        self._wake.clear()
        wait = None if closing or self.state in ("up", "not_configured") else self._options.probe_interval
        if self.state == "up" and self._spool.file_count:  # files another process held: try again later
            wait = self._options.probe_interval
        try:
            async with asyncio.timeout(wait):
                await self._wake.wait()
        except TimeoutError:
            pass

    async def _probe(self) -> None:
        self._next_probe = monotonic() + self._options.probe_interval
        try:
            if not await self._writer.ping():
                raise ConnectionError("ClickHouse does not answer")
            await self._writer.ensure_schema()
        except Exception as error:  # noqa: BLE001 - any failure keeps us spooling
            self._set_down(error)
            return
        if self.state == "down":
            logger.info("ClickHouse is back: replaying {} spooled batches", self._spool.file_count)
        self.state = "up"
        self._next_probe = 0.0

    async def _replay(self) -> None:
        try:
            result = await replay(self._spool, self._writer)
        except Exception as error:  # noqa: BLE001 - e.g. a refused migration: keep spooling, say why
            self._set_down(error)
            return
        counters = self._counters
        counters.replayed += result.rows
        counters.already_stored += result.already_stored
        counters.dropped += result.rejected_rows
        if result.left:
            self._next_probe = monotonic() + self._options.probe_interval
            if result.error and "another process" not in result.error:
                self._set_down(RuntimeError(result.error))

    async def _deliver(self, batch: RowBatch) -> None:
        if self.state != "up":
            await self._outlet.write_async(batch, attempted=False)
            return
        attempts = 1 if self._closing else self._options.retry_attempts
        for attempt in range(attempts):
            if attempt:
                await asyncio.sleep(min(self._options.retry_backoff * 2 ** (attempt - 1),
                                        self._options.retry_backoff_max))
            try:  # after a failed attempt the rows may be stored already: dedupe from then on
                written = await self._writer.insert(batch, dedupe=attempt > 0)
            except ClickHouseRejected as error:
                self._outlet.reject(batch, error)
                return
            except Exception as error:  # noqa: BLE001 - unavailable, timeout, migration trouble
                failure = error
                continue
            self._counters.sent += written
            self._counters.already_stored += len(batch) - written
            batch.settle()
            return
        self._set_down(failure)
        await self._outlet.write_async(batch, attempted=True)

    def _set_down(self, error: BaseException) -> None:
        text = f"{type(error).__name__}: {error}"[:300]
        if self.state != "down":
            logger.warning("ClickHouse unavailable ({}); spooling analytics to {}", text,
                           self._spool.directory)
        self.state = "down"
        self._counters.last_error = text
        self._next_probe = monotonic() + self._options.probe_interval
