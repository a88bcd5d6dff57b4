"""A scripted training round through the real analytics pipeline into the real ClickHouse."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from ch_helpers import run_query, split_url
from loguru import logger
from training_events import QuestionReported, QuestionSkipped, answer, served

from actors.analytics import FlushAnalytics
from actors.runtime import ActorSystem, trace_scope
from actors.users.messages import UserRegistered
from app.wiring.analytics import analytics_context
from app.wiring.subscriptions import subscribe
from app.config import Settings

pytestmark = pytest.mark.needs_clickhouse

AT = datetime(2024, 5, 1, 10, 0, 5, tzinfo=timezone.utc)
COLUMNS = ("event, user_id, channel, subject, theme, question_id, correct, points, max_points, latency_ms, "
           "request_id, extra, toString(time) AS time")


async def test_a_training_round_arrives_with_the_right_fields(ch_url, data_dir, quick_options):
    system = ActorSystem(default_ask_timeout=5.0)
    settings = Settings(clickhouse_url=ch_url, data_dir=data_dir)
    async with analytics_context(settings, system, quick_options) as analytics:
        subscribe(system)
        await system.start()
        with trace_scope(request_id="req-1", channel="bot"):
            await system.publish(UserRegistered(user_id=7, channel="bot"))
        with trace_scope(request_id="req-2", user_id=7, channel="bot"):
            await system.publish(served(1, 7, 11, AT))
            await system.publish(answer(7, 11, True, AT, elapsed_ms=5300))
        with trace_scope(request_id="req-3", user_id=7, channel="bot"):
            await system.publish(answer(7, 12, False, AT, theme="demand", elapsed_ms=900))
            await system.publish(QuestionSkipped(served_id=2, user_id=7, question_id=13, skipped_at=AT))
            await system.publish(QuestionReported(report_id=5, user_id=7, question_id=12,
                                                  external_id="econ-12"))
            logger.error("question 12 has a broken picture")
        status = await analytics.ref.ask(FlushAnalytics())
        readiness = await analytics.readiness()
        await system.stop()

    assert status.state == "up" and status.dropped == 0 and status.spooled == 0
    assert readiness["clickhouse"] == "ok" and readiness["sent"] >= 6
    url, _ = split_url(ch_url)
    rows = (await run_query(url, f"SELECT {COLUMNS} FROM events WHERE event != 'analytics_status' "
                                 "ORDER BY request_id, event, question_id")).rows
    by_key = {(row["event"], row["question_id"]): row for row in rows}
    assert len(rows) == 6 and len(by_key) == 6

    registered = by_key[("user_registered", "")]
    assert (registered["user_id"], registered["channel"], registered["request_id"]) == ("7", "bot", "req-1")

    right = by_key[("answer_submitted", "11")]
    assert right["time"] == "2024-05-01 10:00:05"
    assert (right["subject"], right["theme"], right["correct"], right["points"]) == (
        "economics", "supply", 1, 2)
    assert (right["max_points"], right["latency_ms"], right["request_id"]) == (2, 5300, "req-2")
    assert json.loads(right["extra"]) == {"attempt_id": 7011, "source_id": 111,
                                          "question_type": "one", "score": 1.0, "mode": "training"}
    wrong = by_key[("answer_submitted", "12")]
    assert (wrong["correct"], wrong["points"], wrong["theme"], wrong["request_id"]) == (
        0, 0, "demand", "req-3")

    shown = by_key[("question_served", "11")]
    assert (shown["subject"], shown["time"], json.loads(shown["extra"])) == (
        "economics", "2024-05-01 10:00:05", {"served_id": 1, "session_id": 1, "mode": "training"})
    skipped = by_key[("question_skipped", "13")]
    assert (skipped["user_id"], skipped["channel"], skipped["request_id"]) == (  # channel from TRACE
        "7", "bot", "req-3")
    reported = by_key[("question_reported", "12")]
    assert json.loads(reported["extra"]) == {"report_id": 5, "external_id": "econ-12"}

    logs = (await run_query(url, "SELECT level, message, request_id, actor FROM logs "
                                 "WHERE message = 'question 12 has a broken picture'")).rows
    assert logs == [{"level": "ERROR", "message": "question 12 has a broken picture", "request_id": "req-3",
                     "actor": ""}]
    statuses = (await run_query(url, "SELECT count() AS n FROM events WHERE event = 'analytics_status'")).rows
    assert int(statuses[0]["n"]) >= 1  # written at the stop
