"""Events, timings and log records become rows by field name, with the publisher's trace."""
from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta, timezone
from typing import ClassVar, Literal

from actors.analytics.actions import declared_actions
from actors.analytics.messages import RecordLog, RecordTiming
from actors.analytics.rows import event_name, event_row, log_row, new_id, timing_row, utc_text
from actors.runtime import Event, Message
from actors.users.messages import AccountDeleted


class AnswerSubmitted(Event):  # the training concern's field names, declared here on purpose
    attempt_id: int
    user_id: int
    question_id: int
    subject: str
    theme: str
    source_id: str
    question_type: str
    correct: bool
    score: float
    points: float
    max_points: float
    elapsed_ms: int
    answered_at: datetime
    channel: Literal["bot", "api"]
    mode: str


class PasswordChanged(Event):
    user_id: int
    new_password: str
    email: str
    reason: str


class GetStatsForAnalyticsTest(Message):
    analytics_action: ClassVar[str] = "stats_viewed"
    user_id: int


ANSWERED = datetime(2024, 5, 1, 13, 14, 15, tzinfo=timezone.utc)


def answer(**changes) -> AnswerSubmitted:
    fields = dict(attempt_id=9, user_id=7, question_id=42, subject="economics", theme="supply",
                  source_id="s-1", question_type="single", correct=True, score=1.0, points=2.0,
                  max_points=2.0, elapsed_ms=5300, answered_at=ANSWERED, channel="bot", mode="training")
    return AnswerSubmitted(**{**fields, **changes})


def test_event_names_are_snake_case_of_the_class():
    assert event_name(AnswerSubmitted) == "answer_submitted"
    assert event_name(type("HTTPRequestSeen", (), {})) == "http_request_seen"


def test_an_answer_fills_the_columns_and_keeps_the_rest_in_extra():
    row = event_row(answer(), {"request_id": "req-1", "user_id": 99, "channel": "api"})
    assert row["event"] == "answer_submitted" and row["time"] == "2024-05-01 13:14:15"
    assert (row["user_id"], row["channel"], row["request_id"]) == (7, "bot", "req-1")  # the event wins
    assert (row["subject"], row["theme"], row["question_id"]) == ("economics", "supply", "42")
    assert (row["correct"], row["points"], row["max_points"], row["latency_ms"]) == (1, 2.0, 2.0, 5300.0)
    extra = json.loads(row["extra"])
    assert extra == {"attempt_id": 9, "source_id": "s-1", "question_type": "single", "score": 1.0,
                     "mode": "training"}
    assert len(row["event_id"]) == 36


def test_missing_user_and_channel_come_from_the_trace_and_time_defaults_to_now():
    class QuestionSkipped(Event):
        question_id: int

    row = event_row(QuestionSkipped(question_id=3), {"user_id": 5, "channel": "api", "request_id": "r"})
    assert (row["user_id"], row["channel"], row["question_id"], row["correct"]) == (5, "api", "3", 0)
    assert abs(datetime.strptime(row["time"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)
               - datetime.now(timezone.utc)).total_seconds() < 5


def test_secrets_and_personal_data_never_reach_extra():
    row = event_row(PasswordChanged(user_id=1, new_password="hunter2", email="a@b.c", reason="reset"), {})
    assert json.loads(row["extra"]) == {"reason": "reset"}
    assert "hunter2" not in json.dumps(row) and "a@b.c" not in json.dumps(row)


def test_a_timing_becomes_a_handler_row_or_its_declared_action():
    timing = RecordTiming(actor="stats", message_type="GetStatsForAnalyticsTest", seconds=0.0125, ok=False,
                          at=ANSWERED, request_id="r-2", user_id=4, channel="bot")
    assert declared_actions()["GetStatsForAnalyticsTest"] == "stats_viewed"
    row = timing_row(timing, declared_actions().get(timing.message_type))
    assert (row["event"], row["actor"], row["message_type"], row["outcome"]) == (
        "stats_viewed", "stats", "GetStatsForAnalyticsTest", "error")
    assert (row["latency_ms"], row["user_id"], row["request_id"]) == (12.5, 4, "r-2")
    assert timing_row(timing, None)["event"] == "handler"


def test_a_log_record_keeps_level_logger_message_and_request_id():
    record = RecordLog(at=ANSWERED, level="ERROR", logger="actors.training", message="boom",
                       request_id="r-3", actor="training", extra='{"k": 1}')
    row = log_row(record)
    assert {k: row[k] for k in ("time", "level", "logger", "message", "request_id", "actor", "extra")} == {
        "time": "2024-05-01 13:14:15", "level": "ERROR", "logger": "actors.training", "message": "boom",
        "request_id": "r-3", "actor": "training", "extra": '{"k": 1}'}


def test_a_count_named_correct_stays_in_extra_and_any_star_at_field_is_the_time():
    class SimulationFinished(Event):
        simulation_id: int
        user_id: int
        correct: int
        elapsed_ms: int | None
        finished_at: datetime

    row = event_row(SimulationFinished(simulation_id=4, user_id=2, correct=7, elapsed_ms=None,
                                       finished_at=ANSWERED), {})
    assert (row["time"], row["correct"], row["latency_ms"]) == ("2024-05-01 13:14:15", 0, 0.0)
    assert json.loads(row["extra"]) == {"simulation_id": 4, "correct": 7}


def test_event_ids_are_distinct_version_4_uuids_and_times_are_utc_seconds():
    ids = [uuid.UUID(new_id()) for _ in range(1000)]
    assert len(set(ids)) == 1000 and {(i.version, i.variant) for i in ids} == {(4, uuid.RFC_4122)}
    moscow = datetime(2024, 5, 1, 16, 14, 15, 999_999, tzinfo=timezone(timedelta(hours=3)))
    assert utc_text(moscow) == utc_text(datetime(2024, 5, 1, 13, 14, 15)) == "2024-05-01 13:14:15"


def test_the_field_names_of_a_type_are_read_once_yet_each_event_keeps_its_own_values():
    first, second = answer(theme="supply", mode="exam"), answer(theme="demand", mode="training")
    assert [event_row(e, {})["theme"] for e in (first, second, first)] == ["supply", "demand", "supply"]
    assert json.loads(event_row(second, {})["extra"])["mode"] == "training"


def test_a_deleted_account_leaves_only_its_id_and_channel():
    # The real event, not a stand-in: its fields are what analytics would store about a deletion.
    row = event_row(AccountDeleted(user_id=42, channel="bot"), {"request_id": "r1"})
    assert (row["event"], row["user_id"], row["channel"]) == ("account_deleted", 42, "bot")
    assert row["extra"] == "{}"
