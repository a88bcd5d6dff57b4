"""The analytics actor in a real actor system, with ClickHouse faked: events, timings, logs, drops."""
from __future__ import annotations

import asyncio
import json
import threading
from dataclasses import replace
from typing import ClassVar

from analytics_fakes import FakeWriter
from loguru import logger

from actors.analytics import FlushAnalytics, GetAnalyticsStatus, Intake
from app.wiring.analytics import running_analytics
from app.wiring.subscriptions import subscribe
from actors.runtime import Actor, Event, Message, handles, trace_scope


class UserRegisteredForTest(Event):
    user_id: int
    channel: str


class GetUserStatsForTest(Message):
    analytics_action: ClassVar[str] = "stats_viewed"
    user_id: int


class StatsActorForTest(Actor):
    @handles(GetUserStatsForTest, logged=False)
    async def get_stats(self, query: GetUserStatsForTest) -> int:
        return query.user_id


async def test_published_events_arrive_with_the_publishers_request_id(make_system, fake_writer, spool,
                                                                      quick_options):
    system = make_system()
    with running_analytics(system, fake_writer, spool, quick_options) as analytics:
        subscribe(system)
        await system.start()
        with trace_scope(request_id="req-42"):
            await system.publish(UserRegisteredForTest(user_id=3, channel="api"))
        status = await analytics.ask(FlushAnalytics())
        [row] = [r for r in fake_writer.events() if r["event"] == "user_registered_for_test"]
        assert (row["user_id"], row["channel"], row["request_id"]) == (3, "api", "req-42")
        assert status.sent >= 1 and status.state == "up" and status.buffered == 0
        await system.stop()


async def test_timed_handlers_become_rows_and_declared_actions_get_their_name(make_system, fake_writer, spool,
                                                                               quick_options):
    system = make_system()
    with running_analytics(system, fake_writer, spool, quick_options) as analytics:
        subscribe(system)
        stats = system.spawn("stats", StatsActorForTest)
        await system.start()
        with trace_scope(request_id="req-7", user_id=11, channel="bot"):
            await stats.ask(GetUserStatsForTest(user_id=11))
        await analytics.ask(FlushAnalytics())
        [row] = [r for r in fake_writer.events() if r["message_type"] == "GetUserStatsForTest"]
        assert (row["event"], row["actor"], row["outcome"]) == ("stats_viewed", "stats", "ok")
        assert (row["user_id"], row["channel"], row["request_id"]) == (11, "bot", "req-7")
        assert row["latency_ms"] > 0
        await system.stop()


async def test_warnings_reach_the_logs_table_from_any_thread_and_info_does_not(make_system, fake_writer,
                                                                               spool, quick_options):
    system = make_system()
    with running_analytics(system, fake_writer, spool, quick_options) as analytics:
        subscribe(system)
        await system.start()
        logger.info("quiet line")
        with logger.contextualize(request_id="req-9"):
            logger.bind(token="s3cr3t", attempt=3).warning("disk almost full")
        worker = threading.Thread(target=lambda: logger.error("from a worker thread"))
        worker.start()
        worker.join()
        await analytics.ask(GetAnalyticsStatus())  # lets the thread's hand-over run first
        await analytics.ask(FlushAnalytics())
        messages = {row["message"]: row for row in fake_writer.logs()}
        assert "quiet line" not in messages
        assert messages["disk almost full"]["request_id"] == "req-9"
        assert messages["disk almost full"]["level"] == "WARNING"
        extra = json.loads(messages["disk almost full"]["extra"])
        assert extra["attempt"] == 3 and "token" not in extra and "s3cr3t" not in str(extra)
        assert messages["from a worker thread"]["level"] == "ERROR"
        await system.stop()


async def test_a_graceful_stop_sends_what_is_still_buffered(make_system, fake_writer, spool, quick_options):
    system = make_system()
    with running_analytics(system, fake_writer, spool, replace(quick_options, flush_interval=3600)):
        subscribe(system)
        await system.start()
        for user_id in range(1, 6):
            await system.publish(UserRegisteredForTest(user_id=user_id, channel="bot"))
        assert not fake_writer.events()  # still in the buffer: neither full nor due
        await system.stop()
    assert sorted(r["user_id"] for r in fake_writer.events() if r["event"] == "user_registered_for_test") == [
        1, 2, 3, 4, 5]
    assert any(r["event"] == "analytics_status" for r in fake_writer.events())


async def test_records_a_full_mailbox_refused_are_counted_and_reported_loudly(make_system, fake_writer, spool,
                                                                               quick_options, log_records):
    system = make_system()
    with running_analytics(system, fake_writer, spool, replace(quick_options, mailbox_size=2)) as analytics:
        subscribe(system)
        for n in range(5):  # not started yet: nothing reads the mailbox
            logger.warning("burst {}", n)
        await system.start()
        status = await analytics.ask(GetAnalyticsStatus())
        assert status.dropped == 3
        assert any(r["level"].name == "ERROR" and "DROPPED 3" in r["message"] for r in log_records)
        await system.stop()


async def test_records_after_the_stop_are_spooled_when_analytics_is_removed(make_system, spool,
                                                                            quick_options):
    system = make_system()
    with running_analytics(system, None, spool, quick_options):
        subscribe(system)
        await system.start()
        await system.stop()
        logger.warning("said after the actors stopped")
    texts = [row["message"] for entry in spool.entries() for row in spool.read(entry).batch.rows
             if "message" in row]
    assert "said after the actors stopped" in texts


async def test_during_a_burst_the_sender_inserts_while_the_mailbox_is_still_draining(make_system, spool,
                                                                                      quick_options):
    class MailboxWatchingWriter(FakeWriter):
        def __init__(self) -> None:
            super().__init__()
            self.mailbox_at_inserts: list[int] = []

        async def insert(self, batch, *, dedupe):
            self.mailbox_at_inserts.append(system.ref("analytics").metrics()["mailbox"])
            return await super().insert(batch, dedupe=dedupe)

    writer = MailboxWatchingWriter()
    system = make_system()
    options = replace(quick_options, flush_interval=3600, mailbox_size=10_000, max_pending_rows=10_000)
    with running_analytics(system, writer, spool, options) as analytics:
        subscribe(system)
        for user_id in range(1, 5001):  # queued before the start: drained back to back, never awaiting
            await system.publish(UserRegisteredForTest(user_id=user_id, channel="bot"))
        await system.start()
        status = await analytics.ask(FlushAnalytics())
        await system.stop()
    assert status.sent >= 5000 and status.spooled == 0
    assert writer.mailbox_at_inserts[0] > 0  # the handlers yield: the first insert did not wait for all


async def test_timings_wait_in_the_intake_not_in_the_mailbox_and_a_tick_takes_them(make_system, fake_writer,
                                                                                  spool, quick_options):
    system = make_system()
    with running_analytics(system, fake_writer, spool, quick_options) as analytics:
        subscribe(system)
        stats = system.spawn("stats", StatsActorForTest)
        await system.start()
        for user_id in range(5):
            with trace_scope(request_id=f"req-{user_id}", user_id=user_id, channel="api"):
                await stats.ask(GetUserStatsForTest(user_id=user_id))
        assert all(len(shard.mailbox) == 0 for shard in analytics.shards)  # no message per handler call
        await asyncio.sleep(quick_options.flush_interval * 3)  # ticks take them, and send them when due
        rows = [r for r in fake_writer.events() if r["message_type"] == "GetUserStatsForTest"]
        assert sorted(r["user_id"] for r in rows) == [0, 1, 2, 3, 4]
        await system.stop()


def test_timings_beyond_the_intake_bound_are_counted_as_dropped():
    intake = Intake(late_records_max=10, timings_max=3)
    for _ in range(5):
        intake.timing("stats", "GetUserStatsForTest", 0.001, True)
    assert len(intake.take_timings()) == 3 and intake.dropped == 2
    assert intake.take_timings() == []
