"""ClickHouse stops in the middle of a run: 10,000 events still arrive, each exactly once.

A dedicated ClickHouse (not the session's) is stopped while batches flow, so inserts fail and
batches spool; it is started again on the same data, and the sender's probe replays the spool.
`count()` without FINAL must be 10,000: the rows are stored once, not merged away later.
"""
from __future__ import annotations

import asyncio

import pytest
from ch_helpers import eventually, restart, run_query, stop_keeping_data
from training_events import LoadTestEvent

from actors.analytics import GetAnalyticsStatus
from actors.runtime import ActorSystem
from app.wiring.analytics import analytics_context
from app.wiring.subscriptions import subscribe
from app.config import Settings
from tests.support.servers import ServerUnavailable, clickhouse

pytestmark = pytest.mark.needs_clickhouse

TOTAL = 10_000


@pytest.fixture
async def own_clickhouse():
    try:
        server = await asyncio.to_thread(clickhouse.start)
    except ServerUnavailable as exc:
        pytest.fail(f"ClickHouse for the outage test could not start: {exc}")
    servers = [server]
    yield servers
    for running in reversed(servers):
        await asyncio.to_thread(running.stop)


async def publish(system: ActorSystem, seqs: range) -> None:
    for seq in seqs:
        await system.publish(LoadTestEvent(seq=seq, user_id=seq % 97 + 1, channel="api"))
        if seq % 250 == 0:
            await asyncio.sleep(0.01)  # let batches flow while we produce, as in real traffic


async def test_ten_thousand_events_survive_an_outage_exactly_once(own_clickhouse, data_dir, quick_options):
    server = own_clickhouse[0]
    url = f"{server.url}/outage"
    system = ActorSystem(default_ask_timeout=5.0)
    async with analytics_context(Settings(clickhouse_url=url, data_dir=data_dir), system,
                                 quick_options) as analytics:
        subscribe(system)
        await system.start()
        status = lambda: analytics.ref.ask(GetAnalyticsStatus())  # noqa: E731

        await publish(system, range(0, 3000))
        await eventually(lambda: _has(status, lambda s: s.sent > 0))
        await asyncio.to_thread(stop_keeping_data, server)

        await publish(system, range(3000, 7000))
        down = await eventually(lambda: _has(status, lambda s: s.state == "down" and s.spool_files > 0))
        assert down.spooled > 0

        own_clickhouse.append(await asyncio.to_thread(restart, server))
        await publish(system, range(7000, TOTAL))
        final = await eventually(lambda: _has(status, lambda s: s.state == "up" and s.spool_files == 0
                                              and s.buffered == 0 and s.sent + s.replayed >= TOTAL))
        await system.stop()

    assert final.dropped == 0 and final.replayed > 0
    result = await run_query(f"{server.url}/?database=outage",
                             "SELECT count() AS rows, uniqExact(event_id) AS ids, "
                             "uniqExact(visitParamExtractUInt(extra, 'seq')) AS seqs, "
                             "min(visitParamExtractUInt(extra, 'seq')) AS first, "
                             "max(visitParamExtractUInt(extra, 'seq')) AS last "
                             "FROM events WHERE event = 'load_test_event'")
    assert result.rows == [{"rows": str(TOTAL), "ids": str(TOTAL), "seqs": str(TOTAL), "first": "0",
                            "last": str(TOTAL - 1)}]


async def _has(status, predicate):
    current = await status()
    return current if predicate(current) else None
