"""Analytics wiring for create_app: the ClickHouse writer (migrations included), the analytics actor
and its sinks (actors/analytics/wiring.py), and what /readyz shows about them.

Use it inside the actors context, around the system's whole life, so that the analytics actor is
subscribed before anything publishes, its final flush runs after every other mailbox drained
(inside system.stop), and the sinks are removed only after that:

    async with analytics_context(settings, system) as analytics:
        await system.start()
        yield
        await system.stop(drain_timeout=...)
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from loguru import logger

from actors.analytics import AnalyticsOptions, AnalyticsStatus, GetAnalyticsStatus
from actors.analytics.wiring import running_analytics
from actors.runtime import ActorRef, ActorSystem
from app.config import Settings
from app.paths import SQL_DIR
from storage.clickhouse import ClickHouseUnavailable, ClickHouseWriter, open_session, parse_url
from storage.spool import Spool

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
