"""Analytics in a running process: the ClickHouse writer (migrations included), the analytics actor
and its two sinks (timings, log records), and what /readyz shows about them.

Use it around the system's whole life, so that the analytics actor exists before anything
publishes, its final flush runs after every other mailbox drained (inside system.stop), and the
sinks are removed only after that (subscriptions.py subscribes it to every event):

    async with analytics_context(settings, system) as analytics:
        await system.start()
        yield
        await system.stop(drain_timeout=...)
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from collections.abc import Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass

from loguru import logger

from actors.analytics import AnalyticsOptions, AnalyticsStatus, GetAnalyticsStatus
from actors.analytics.actor import AnalyticsActor
from actors.analytics.counters import Counters
from actors.analytics.intake import Intake
from actors.analytics.messages import RecordLog, RecordTiming
from actors.analytics.outlet import SpoolOutlet
from actors.analytics.rows import log_row, timing_row
from actors.aspects import set_timing_sink
from actors.runtime import ActorRef, ActorSystem
from app.config import Settings
from app.paths import SQL_DIR
from storage.clickhouse import ClickHouseUnavailable, ClickHouseWriter, open_session, parse_url
from storage.clickhouse.batch import RowBatch, RowWriter
from storage.spool import Spool

ANALYTICS_ACTOR = "analytics"

STATUS_TIMEOUT_SECONDS = 1.0
_CLICKHOUSE_STATE = {"up": "ok", "down": "down (spooling)", "connecting": "connecting",
                     "not_configured": "not configured (spooling)"}


@dataclass(frozen=True)
class AnalyticsRuntime:
    ref: ActorRef
    configured: bool  # False: APO_CLICKHOUSE_URL unset, everything goes to the spool

    async def status(self) -> AnalyticsStatus:
        return await self.ref.ask(GetAnalyticsStatus(), timeout=STATUS_TIMEOUT_SECONDS)

    async def readiness(self) -> dict:
        """For /readyz, informational only: analytics never makes the service unready, because an
        absent ClickHouse only means "spooling" (DESIGN §5: analytics never blocks a user)."""
        try:
            status = await self.status()
        except Exception as error:  # noqa: BLE001 - busy or stopping: say so instead of failing /readyz
            return {"clickhouse": "unknown", "error": type(error).__name__}
        return {"clickhouse": _CLICKHOUSE_STATE[status.state], **status.model_dump(exclude={"state"})}


def spool_for(settings: Settings, options: AnalyticsOptions) -> Spool:
    return Spool(settings.data_dir / "spool", options.spool_max_bytes)


@asynccontextmanager
async def clickhouse_writer(settings: Settings, timeout: float) -> AsyncIterator[ClickHouseWriter | None]:
    """The writer for APO_CLICKHOUSE_URL (schema migrated if reachable now), or None when unset."""
    if settings.clickhouse_url is None:
        yield None
        return
    target = parse_url(settings.clickhouse_url.get_secret_value())
    async with open_session(timeout) as session:
        writer = ClickHouseWriter(target, session, SQL_DIR / "clickhouse", timeout)
        try:
            await writer.ensure_schema()  # a changed applied file raises: a deploy bug, fail loudly
        except ClickHouseUnavailable as error:
            logger.warning("ClickHouse unreachable at start ({}); analytics spool until it answers", error)
        yield writer


@asynccontextmanager
async def analytics_context(settings: Settings, system: ActorSystem,
                            options: AnalyticsOptions | None = None) -> AsyncIterator[AnalyticsRuntime]:
    options = options or AnalyticsOptions()
    spool = spool_for(settings, options)
    async with clickhouse_writer(settings, options.insert_timeout) as writer:
        if writer is None:
            logger.info("APO_CLICKHOUSE_URL is not set: analytics are spooled to {}", spool.directory)
        with running_analytics(system, writer, spool, options) as ref:
            yield AnalyticsRuntime(ref, writer is not None)


@contextmanager
def running_analytics(system: ActorSystem, writer: RowWriter | None, spool: Spool,
                      options: AnalyticsOptions) -> Iterator[ActorRef]:
    """The actor and its sinks. Removing the sinks and spooling the records that arrived after the
    actor stopped are paired with installing them: enter before system.start(), leave after
    system.stop() (the actor's own stop flushes or spools)."""
    counters, intake = Counters(), Intake(options.late_records_max)
    ref = system.spawn(ANALYTICS_ACTOR, lambda: AnalyticsActor(writer, spool, options, counters, intake),
                       mailbox_size=options.mailbox_size)
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
