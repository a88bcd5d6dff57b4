"""The analytics actor: turns domain events, handler timings and log records into ClickHouse rows.

Handlers only map and buffer (microseconds); full or due batches go to the Sender, whose own task
talks to ClickHouse or the spool. So the actor keeps up with the bus even while ClickHouse is
away. Draining a full mailbox never awaits, so the handlers yield to the event loop every
TIME_SLICE seconds: during a burst the sender's insert (and everyone else on the loop) goes on
while the next rows are mapped. Its handlers opt out of logging and timing on purpose: timing the
analytics actor would feed its own timings back into it.
"""
from __future__ import annotations

import asyncio
from collections.abc import Mapping
from datetime import datetime
from time import monotonic
from typing import Any

from loguru import logger

from actors.analytics.acks import RowsAck
from actors.analytics.actions import declared_actions
from actors.analytics.batcher import Batcher
from actors.analytics.counters import Counters
from actors.analytics.intake import Intake
from actors.analytics.messages import (
    AnalyticsStatus,
    AnalyticsTick,
    FlushAnalytics,
    GetAnalyticsStatus,
    RecordLog,
    RecordTiming,
)
from actors.analytics.options import AnalyticsOptions
from actors.analytics.rows import event_row, log_row, status_row, timing_row
from actors.analytics.sender import Sender
from actors.outbox.messages import EventBatch
from actors.runtime import TRACE, Actor, ActorStopped, Event, handles
from storage.clickhouse.batch import Row, RowWriter
from storage.spool import Spool

TIME_SLICE = 0.005  # seconds of back-to-back handling before the loop gets a turn


class AnalyticsActor(Actor):
    def __init__(self, writer: RowWriter | None, spool: Spool, options: AnalyticsOptions,
                 counters: Counters, intake: Intake) -> None:
        self._writer = writer
        self._spool = spool
        self._options = options
        self._counters = counters  # shared with the sinks and kept across restarts
        self._intake = intake

    async def on_start(self) -> None:
        self._batcher = Batcher(self._options.batch_size, self._options.flush_interval)
        self._sender = Sender(self._writer, self._spool, self._counters, self._options)
        self._sender.start()
        self._actions = declared_actions()  # every concern's messages are imported by now
        self._next_status = monotonic() + self._options.status_interval
        self._next_yield = monotonic() + TIME_SLICE
        self._ticker = asyncio.create_task(self._tick_forever(), name="analytics-ticker")

    async def on_stop(self) -> None:
        self._ticker.cancel()
        await asyncio.gather(self._ticker, return_exceptions=True)
        await self._take_timings()
        await self._add("events", status_row(self._status()))
        for batch in self._batcher.take_all():
            self._sender.submit(batch)
        await self._sender.close(self._options.stop_timeout)
        self._count_intake_drops()
        status = self._status()
        logger.info("analytics stopped: {} sent, {} spooled, {} dropped, {} files in the spool",
                    status.sent, status.spooled, status.dropped, status.spool_files)

    @handles(Event, logged=False, timed=False)
    async def on_event(self, event: Event) -> None:
        """An emitted event (no outbox row behind it)."""
        row = self._row(event, TRACE.get(), None, None)
        if row is not None:
            await self._add("events", row)

    @handles(EventBatch, logged=False, timed=False)
    async def on_relayed(self, batch: EventBatch) -> asyncio.Future[None]:
        """Events from the outbox; the ack completes once their rows are stored (inserted or spooled),
        so a crash before that only means the relay delivers them again."""
        trace = TRACE.get()
        rows = [self._row(event, trace, event_id, written_at)
                for event, event_id, written_at in zip(batch.events, batch.event_ids, batch.written_at, strict=True)]
        ack = RowsAck(sum(row is not None for row in rows))
        for row in rows:
            if row is not None:
                await self._add("events", row, ack)
        return ack.future

    def _row(self, event: Event, trace: Mapping[str, Any], event_id: str | None,
             written_at: datetime | None) -> Row | None:
        try:
            return event_row(event, trace, event_id, written_at)
        except Exception:  # noqa: BLE001 - a strange event costs one counted row, not the actor
            self._counters.dropped += 1
            logger.opt(exception=True).error("analytics could not map {}; dropped", type(event).__name__)
            return None

    @handles(RecordTiming, logged=False, timed=False)
    async def on_timing(self, timing: RecordTiming) -> None:
        await self._add("events", timing_row(timing, self._actions.get(timing.message_type)))

    @handles(RecordLog, logged=False, timed=False)
    async def on_log(self, record: RecordLog) -> None:
        await self._add("logs", log_row(record))

    @handles(AnalyticsTick, logged=False, timed=False)
    async def on_tick(self, tick: AnalyticsTick) -> None:
        await self._take_timings()
        for batch in self._batcher.due():
            self._sender.submit(batch)
        self._count_intake_drops()
        if monotonic() >= self._next_status:
            self._next_status = monotonic() + self._options.status_interval
            await self._add("events", status_row(self._status()))

    @handles(FlushAnalytics, logged=False, timed=False)
    async def flush(self, command: FlushAnalytics) -> AnalyticsStatus:
        await self._take_timings()
        for batch in self._batcher.take_all():
            self._sender.submit(batch)
        await self._sender.wait_idle(self._options.stop_timeout)
        return self._status()

    @handles(GetAnalyticsStatus, logged=False, timed=False)
    async def get_status(self, query: GetAnalyticsStatus) -> AnalyticsStatus:
        self._count_intake_drops()
        return self._status()

    async def _take_timings(self) -> None:
        for timing in self._intake.take_timings():
            await self._add("events", timing_row(timing, self._actions.get(timing.message_type)))

    async def _add(self, table: str, row: Row, ack: RowsAck | None = None) -> None:
        batch = self._batcher.add(table, row, ack)
        if batch is not None:
            self._sender.submit(batch)
        if monotonic() >= self._next_yield:
            await asyncio.sleep(0)
            self._next_yield = monotonic() + TIME_SLICE

    def _count_intake_drops(self) -> None:
        """Records the sinks could not enqueue join `dropped`, with one loud line per tick."""
        new = self._counters.absorb_intake_drops(self._intake.dropped)
        if new:
            logger.error("analytics DROPPED {} timing/log records: the analytics mailbox was full", new)

    def _status(self) -> AnalyticsStatus:
        c = self._counters
        return AnalyticsStatus(
            state=self._sender.state, sent=c.sent, spooled=c.spooled, replayed=c.replayed, dropped=c.dropped,
            already_stored=c.already_stored, buffered=len(self._batcher) + self._sender.buffered_rows,
            spool_bytes=self._spool.size_bytes, spool_files=self._spool.file_count, last_error=c.last_error)

    async def _tick_forever(self) -> None:
        ref = self.system.ref(self.name)
        while True:
            await asyncio.sleep(self._options.flush_interval)
            try:
                ref.tell_nowait(AnalyticsTick())  # a full mailbox skips one tick; the next one comes
            except ActorStopped:
                return
