"""Puts analytics into a running process: the actor, its subscription to every Event, the two sinks.

A context manager, so removing the sinks and spooling the records that arrived after the actor
stopped are paired with installing them. Keep it open for the actor system's whole life: enter
before system.start(), leave after system.stop() (the actor's own stop flushes or spools).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from loguru import logger

from actors.analytics.actor import AnalyticsActor
from actors.analytics.counters import Counters
from actors.analytics.intake import Intake
from actors.analytics.messages import RecordLog, RecordTiming
from actors.analytics.options import AnalyticsOptions
from actors.analytics.outlet import SpoolOutlet
from actors.analytics.rows import log_row, timing_row
from actors.aspects import set_timing_sink
from actors.runtime import ActorRef, ActorSystem, Event
from storage.clickhouse.batch import RowBatch, RowWriter
from storage.spool import Spool

ANALYTICS_ACTOR = "analytics"


@contextmanager
def running_analytics(system: ActorSystem, writer: RowWriter | None, spool: Spool,
                      options: AnalyticsOptions) -> Iterator[ActorRef]:
    counters, intake = Counters(), Intake(options.late_records_max)
    ref = system.spawn(ANALYTICS_ACTOR, lambda: AnalyticsActor(writer, spool, options, counters, intake),
                       mailbox_size=options.mailbox_size)
    system.subscribe(Event, ref)
    intake.attach(ref)
    previous_sink = set_timing_sink(intake.timing)
    log_sink = logger.add(intake.log, level=options.log_level, format="{message}")
    try:
        yield ref
    finally:
        logger.remove(log_sink)
        set_timing_sink(previous_sink)
        spool_late_records(intake, SpoolOutlet(spool, counters), counters, options.batch_size)


def spool_late_records(intake: Intake, outlet: SpoolOutlet, counters: Counters, batch_size: int) -> None:
    """Records that came after the actor stopped (its own last words among them) go to the spool."""
    rows: dict[str, list[dict]] = {"events": [], "logs": []}
    for record in [*intake.late, *intake.take_timings()]:
        if isinstance(record, RecordLog):
            rows["logs"].append(log_row(record))
        elif isinstance(record, RecordTiming):
            rows["events"].append(timing_row(record, None))
    intake.late.clear()
    for table, table_rows in rows.items():
        for start in range(0, len(table_rows), batch_size):
            outlet.write(RowBatch.new(table, table_rows[start:start + batch_size]), attempted=False)
    if new := counters.absorb_intake_drops(intake.dropped):
        logger.error("analytics DROPPED {} timing/log records at shutdown", new)
