"""Folding answers into a statistics document: sums, themes, idempotency, order independence, windows."""
from __future__ import annotations

import itertools
import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from actors.stats.apply import AnswerFact, apply
from actors.stats.document import RECENT_ATTEMPTS, StatsDocument
from actors.stats.render import user_stats

MOSCOW = ZoneInfo("Europe/Moscow")
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday
_ids = itertools.count(1)


def fact(subject="economics", theme="Спрос", correct=True, points=1.0, max_points=1, elapsed_ms=1000,
         at=T0, attempt_id=None, user_id=7) -> AnswerFact:
    return AnswerFact(attempt_id=attempt_id or next(_ids), user_id=user_id, subject=subject, theme=theme,
                      correct=correct, points=points, max_points=max_points, elapsed_ms=elapsed_ms,
                      answered_at=at)


def fold(facts, tz=MOSCOW) -> StatsDocument:
    doc = StatsDocument(user_id=7, timezone=str(tz))
    for f in facts:
        apply(doc, f, tz)
    return doc


def test_totals_subjects_and_themes_add_up():
    doc = fold([fact(points=2, max_points=2, elapsed_ms=3000),
                fact(correct=False, points=0.5, max_points=2, elapsed_ms=None),
                fact(subject="geography", theme="Реки", correct=False, points=0, max_points=1,
                     elapsed_ms=1000),
                fact(theme="Предложение", points=1, elapsed_ms=2000)])
    totals = doc.totals
    assert (totals.attempts, totals.correct, totals.points, totals.max_points) == (4, 2, 3.5, 6)
    assert (doc.totals.time_ms, doc.totals.timed) == (6000, 3)
    assert doc.subjects["economics"].attempts == 3 and doc.subjects["geography"].correct == 0
    assert [(t.subject, t.theme, t.attempts) for t in doc.themes] == [
        ("economics", "Предложение", 1), ("economics", "Спрос", 2), ("geography", "Реки", 1)]
    view = user_stats(doc, date(2026, 3, 2), "2026-W10")
    assert view.totals.accuracy == 0.5 and view.totals.average_time_ms == 2000
    assert [s.subject for s in view.subjects] == ["economics", "geography"]


def test_an_attempt_applied_twice_counts_once():
    doc = StatsDocument(user_id=7, timezone="Europe/Moscow")
    answer = fact(points=2, max_points=2)
    assert apply(doc, answer, MOSCOW) is True
    before = doc.model_dump()
    assert apply(doc, answer, MOSCOW) is False
    assert doc.model_dump() == before and doc.totals.attempts == 1


def test_only_the_latest_attempt_ids_are_kept_and_older_redeliveries_are_ignored():
    doc = fold([fact(attempt_id=i) for i in range(1, RECENT_ATTEMPTS + 6)])
    assert len(doc.recent_attempts) == RECENT_ATTEMPTS and doc.recent_attempts[0] == 6
    assert apply(doc, fact(attempt_id=3), MOSCOW) is False
    assert doc.totals.attempts == RECENT_ATTEMPTS + 5


def test_points_are_summed_to_the_cent_whatever_the_order():
    amounts = [0.1, 0.2, 0.7, 1.33, 0.67] * 4
    answers = [fact(points=p, at=T0 + timedelta(days=d)) for d, p in enumerate(amounts)]
    first = fold(answers).model_dump(mode="json")
    for seed in range(5):
        shuffled = answers[:]
        random.Random(seed).shuffle(shuffled)
        assert fold(shuffled).model_dump(mode="json") == first
    assert first["totals"]["points"] == 12.0


def test_daily_activity_keeps_the_90_days_up_to_the_latest_active_day():
    answers = [fact(at=T0 + timedelta(days=d)) for d in (0, 20, 100)]
    doc = fold(answers)
    assert sorted(doc.daily) == ["2026-03-22", "2026-06-10"]  # day 0 is 100 days before the last
    late = fact(at=T0)  # a late answer from before the window still counts in the totals
    apply(doc, late, MOSCOW)
    assert sorted(doc.daily) == ["2026-03-22", "2026-06-10"] and doc.totals.attempts == 4
    assert fold([*answers, late]).model_dump() == doc.model_dump()


def test_the_daily_window_edge_is_exactly_90_days():
    doc = fold([fact(at=T0), fact(at=T0 + timedelta(days=89))])
    assert len(doc.daily) == 2
    doc = fold([fact(at=T0), fact(at=T0 + timedelta(days=90))])
    assert list(doc.daily) == ["2026-05-31"]


def test_the_week_follows_the_latest_week_and_ignores_late_answers_of_earlier_weeks():
    monday_next = T0 + timedelta(days=7)
    doc = fold([fact(points=2, max_points=2), fact(points=1, at=monday_next, subject="geography")])
    assert (doc.week.id, doc.week.points, doc.week.attempts) == ("2026-W11", 1.0, 1)
    assert list(doc.week.subjects) == ["geography"]
    apply(doc, fact(points=5, max_points=5), MOSCOW)  # late event from week 10
    assert doc.week.points == 1.0 and doc.totals.points == 8.0


def test_the_leaderboard_week_turns_at_moscow_midnight_on_monday():
    sunday_late_utc = datetime(2026, 3, 8, 20, 59, tzinfo=UTC)   # 23:59 Sunday in Moscow
    monday_utc = datetime(2026, 3, 8, 21, 0, tzinfo=UTC)         # 00:00 Monday in Moscow
    assert fold([fact(at=sunday_late_utc)]).week.id == "2026-W10"
    assert fold([fact(at=monday_utc)]).week.id == "2026-W11"
