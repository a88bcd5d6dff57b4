"""Spooling on the real ClickHouse: a stop while it is down, no ClickHouse at all, `apo analytics replay`."""
from __future__ import annotations

import argparse
from dataclasses import replace

import pytest
from ch_helpers import eventually, run_query, split_url
from loguru import logger
from training_events import LoadTestEvent

from actors.analytics import FlushAnalytics, GetAnalyticsStatus
from actors.analytics.rows import event_row
from actors.runtime import ActorSystem
from app.wiring.analytics import analytics_context, spool_for
from app.wiring.subscriptions import subscribe
from app.commands.analytics import replay_spool, run_replay
from app.config import Settings
from storage.clickhouse import ClickHouseRejected, RowBatch
from storage.spool import Spool, replay
from tests.support.servers.common import free_port

pytestmark = pytest.mark.needs_clickhouse


async def stored_seqs(ch_url: str) -> list[int]:
    url, _ = split_url(ch_url)
    rows = (await run_query(url, "SELECT visitParamExtractUInt(extra, 'seq') AS seq FROM events "
                                 "WHERE event = 'load_test_event' ORDER BY seq")).rows
    return [int(row["seq"]) for row in rows]


async def produce(settings: Settings, options, count: int) -> dict:
    system = ActorSystem(default_ask_timeout=5.0)
    async with analytics_context(settings, system, options) as analytics:
        subscribe(system)
        await system.start()
        for seq in range(count):
            await system.publish(LoadTestEvent(seq=seq, user_id=1, channel="bot"))
        readiness = await analytics.readiness()
        await system.stop()
    return readiness


async def test_a_stop_while_clickhouse_is_down_spools_and_the_next_start_replays(ch_url, data_dir,
                                                                                   quick_options):
    dead = Settings(clickhouse_url=f"http://127.0.0.1:{free_port()}/nowhere", data_dir=data_dir)
    readiness = await produce(dead, replace(quick_options, insert_timeout=0.5), 500)
    assert readiness["clickhouse"] in ("down (spooling)", "connecting")
    spool = spool_for(dead, quick_options)
    assert spool.file_count > 0

    system = ActorSystem(default_ask_timeout=5.0)
    live = Settings(clickhouse_url=ch_url, data_dir=data_dir)
    async with analytics_context(live, system, quick_options) as analytics:
        subscribe(system)
        await system.start()
        status = await eventually(lambda: _drained(analytics.ref))
        await system.stop()
    assert status.replayed >= 500 and status.dropped == 0
    assert await stored_seqs(ch_url) == list(range(500))


async def test_without_clickhouse_everything_spools_and_apo_analytics_replay_sends_it(ch_url, data_dir,
                                                                                       quick_options):
    unconfigured = Settings(clickhouse_url=None, data_dir=data_dir)
    readiness = await produce(unconfigured, quick_options, 300)
    assert readiness["clickhouse"] == "not configured (spooling)" and readiness["dropped"] == 0
    assert spool_for(unconfigured, quick_options).file_count > 0

    configured = Settings(clickhouse_url=ch_url, data_dir=data_dir)
    first = await replay_spool(configured)
    assert first.error is None and first.left == 0 and first.rows >= 300
    second = await replay_spool(configured)
    assert (second.batches, second.rows) == (0, 0)
    assert await stored_seqs(ch_url) == list(range(300))


def test_the_replay_command_prints_counts_and_needs_a_clickhouse_url(ch_url, data_dir, capsys):
    assert run_replay(Settings(clickhouse_url=None, data_dir=data_dir), argparse.Namespace()) == 2
    assert run_replay(Settings(clickhouse_url=ch_url, data_dir=data_dir), argparse.Namespace()) == 0
    assert "replayed 0 batches" in capsys.readouterr().out


async def test_a_replayed_batch_that_was_already_stored_is_not_stored_twice(ch_writer, ch_url, tmp_path):
    rows = [event_row(LoadTestEvent(seq=seq, user_id=1, channel="api"), {}) for seq in range(50)]
    batch = RowBatch.new("events", rows)
    spool = Spool(tmp_path / "spool", max_bytes=1_000_000)
    spool.write(batch, attempted=True)
    assert await ch_writer.insert(batch, dedupe=False) == 50  # stored, but the file was never deleted
    result = await replay(spool, ch_writer)
    assert (result.batches, result.rows, result.already_stored) == (1, 0, 50)
    assert await stored_seqs(ch_url) == list(range(50))


async def test_rows_clickhouse_cannot_parse_are_refused_as_data(ch_writer):
    row = {**event_row(LoadTestEvent(seq=1, user_id=1, channel="api"), {}), "time": "not a time"}
    with pytest.raises(ClickHouseRejected):
        await ch_writer.insert(RowBatch.new("events", [row]), dedupe=False)


async def test_a_full_spool_counts_the_dropped_rows_and_says_so(data_dir, quick_options):
    captured: list[str] = []
    sink = logger.add(lambda line: captured.append(line.record["message"]), level="ERROR")
    try:
        options = replace(quick_options, spool_max_bytes=2000, batch_size=20)
        system = ActorSystem(default_ask_timeout=5.0)
        async with analytics_context(Settings(clickhouse_url=None, data_dir=data_dir), system,
                                     options) as analytics:
            subscribe(system)
            await system.start()
            for seq in range(200):
                await system.publish(LoadTestEvent(seq=seq, user_id=1, channel="bot"))
            status = await analytics.ref.ask(FlushAnalytics())
            await system.stop()
    finally:
        logger.remove(sink)
    assert status.dropped > 0 and status.spooled + status.dropped == 200
    assert any("DROPPED" in text and "spool is full" in text for text in captured)


async def _drained(ref):
    status = await ref.ask(GetAnalyticsStatus())
    return status if status.state == "up" and status.spool_files == 0 and status.buffered == 0 else None
