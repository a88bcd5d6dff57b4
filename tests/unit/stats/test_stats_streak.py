"""Streaks count the user's local days: a timezone decides which day an answer belongs to."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from actors.stats.apply import AnswerFact, apply
from actors.stats.calendar import merge_runs, week_id, zone
from actors.stats.document import StatsDocument
from actors.stats.render import user_stats

_next_id = iter(range(1, 10_000))


def at(day: int, hour: int, minute: int = 0) -> AnswerFact:
    moment = datetime(2026, 3, day, hour, minute, tzinfo=UTC)
    return AnswerFact(attempt_id=next(_next_id), user_id=1, subject="economics", theme="t", correct=True,
                      points=1, max_points=1, elapsed_ms=None, answered_at=moment)


def streak_of(answers: list[AnswerFact], tz_name: str) -> StatsDocument:
    doc = StatsDocument(user_id=1, timezone=tz_name)
    for answer in answers:
        apply(doc, answer, zone(tz_name))
    return doc


def test_answers_on_consecutive_local_days_make_a_streak():
    doc = streak_of([at(2, 9), at(3, 9), at(3, 15), at(4, 9)], "Europe/Moscow")
    assert (doc.streak.current, doc.streak.best, doc.streak.last_day) == (3, 3, date(2026, 3, 4))


def test_the_same_utc_instants_are_one_day_in_one_zone_and_two_days_in_another():
    # 20:30 and 21:30 UTC on March 2: in Moscow (UTC+3) that is 23:30 on the 2nd and 00:30 on the 3rd.
    answers = [at(2, 20, 30), at(2, 21, 30)]
    moscow = streak_of(answers, "Europe/Moscow")
    assert sorted(moscow.daily) == ["2026-03-02", "2026-03-03"] and moscow.streak.current == 2
    new_york = streak_of([at(2, 20, 30), at(2, 21, 30)], "America/New_York")
    assert list(new_york.daily) == ["2026-03-02"] and new_york.streak.current == 1


def test_a_missed_day_restarts_the_streak_and_best_remembers_the_longest():
    doc = streak_of([at(1, 9), at(2, 9), at(3, 9), at(5, 9)], "Europe/Moscow")
    assert (doc.streak.current, doc.streak.best) == (1, 3)


def test_a_late_answer_that_fills_a_gap_joins_two_runs():
    doc = streak_of([at(1, 9), at(3, 9), at(2, 9)], "Europe/Moscow")
    assert (doc.streak.current, doc.streak.best) == (3, 3)
    assert [(r.start.day, r.end.day) for r in doc.streak.runs] == [(1, 3)]


def test_the_shown_current_streak_is_zero_once_a_whole_local_day_passed_without_answers():
    doc = streak_of([at(2, 9), at(3, 9)], "Europe/Moscow")
    assert user_stats(doc, date(2026, 3, 3), "2026-W10").streak.current == 2  # today
    assert user_stats(doc, date(2026, 3, 4), "2026-W10").streak.current == 2  # yesterday: still alive
    broken = user_stats(doc, date(2026, 3, 5), "2026-W10").streak
    assert (broken.current, broken.best) == (0, 2)


def test_the_daily_view_shows_only_the_last_90_days_up_to_today():
    doc = streak_of([at(2, 9), at(20, 9)], "Europe/Moscow")
    view = user_stats(doc, date(2026, 3, 2) + timedelta(days=95), "2026-W24")
    assert [d.day for d in view.daily] == [date(2026, 3, 20)]


def test_runs_merge_adjacent_and_overlapping_days_in_any_order():
    d = date(2026, 1, 1)
    runs: list = []
    for offset in (5, 0, 2, 1, 4):
        runs = merge_runs(runs, d + timedelta(days=offset))
    assert runs == [(d, d + timedelta(days=2)), (d + timedelta(days=4), d + timedelta(days=5))]


def test_unknown_zone_names_fall_back_to_moscow_and_weeks_cross_years():
    assert zone("Mars/Olympus") == ZoneInfo("Europe/Moscow")
    assert week_id(datetime(2026, 12, 31, 12, tzinfo=UTC)) == "2026-W53"
    assert week_id(datetime(2027, 1, 4, 12, tzinfo=UTC)) == "2027-W01"
    # week ids sort as time does, across a year boundary too
    assert sorted(["2027-W01", "2026-W53", "2026-W09"]) == ["2026-W09", "2026-W53", "2027-W01"]
