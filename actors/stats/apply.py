"""Folding one answer into a statistics document. Pure: the actor (events) and the rebuild (attempts
from PostgreSQL) both call apply(), which is why they agree."""
from __future__ import annotations

import bisect
from datetime import date
from zoneinfo import ZoneInfo

from actors.stats.calendar import (
    local_day,
    merge_runs,
    run_length,
    week_id,
    window_start,
)
from actors.stats.document import (
    RECENT_ATTEMPTS,
    Counters,
    DayCounters,
    Run,
    StatsDocument,
    ThemeCounters,
    WeekSubject,
)
from storage.postgres.attempt_facts_repo import AttemptFactRecord

# What statistics need of an answer: built from an AnswerSubmitted event, or read from attempts.
AnswerFact = AttemptFactRecord


def cents(value: float) -> float:
    return round(value, 2)


def apply(doc: StatsDocument, fact: AnswerFact, tz: ZoneInfo) -> bool:
    """Adds the answer; False (and no change) when this attempt was applied before."""
    if not _remember(doc.recent_attempts, fact.attempt_id):
        return False
    for counters in (doc.totals, doc.subjects.setdefault(fact.subject, Counters()), _theme(doc, fact)):
        _count(counters, fact)
    day = local_day(fact.answered_at, tz)
    _add_day(doc, day, fact)
    _add_streak_day(doc, day)
    _add_to_week(doc, fact)
    if doc.last_answered_at is None or fact.answered_at > doc.last_answered_at:
        doc.last_answered_at = fact.answered_at
    return True


def _remember(recent: list[int], attempt_id: int) -> bool:
    at = bisect.bisect_left(recent, attempt_id)
    if at < len(recent) and recent[at] == attempt_id:
        return False
    if len(recent) >= RECENT_ATTEMPTS and at == 0:
        return False  # older than every kept id: a very late redelivery, already counted
    recent.insert(at, attempt_id)
    del recent[:-RECENT_ATTEMPTS]
    return True


def _count(counters: Counters, fact: AnswerFact) -> None:
    counters.attempts += 1
    counters.correct += int(fact.correct)
    counters.points = cents(counters.points + fact.points)
    counters.max_points += fact.max_points
    if fact.elapsed_ms is not None:
        counters.time_ms += fact.elapsed_ms
        counters.timed += 1


def _theme(doc: StatsDocument, fact: AnswerFact) -> ThemeCounters:
    key = (fact.subject, fact.theme)
    keys = [(t.subject, t.theme) for t in doc.themes]
    at = bisect.bisect_left(keys, key)
    if at == len(keys) or keys[at] != key:
        doc.themes.insert(at, ThemeCounters(subject=fact.subject, theme=fact.theme))
    return doc.themes[at]


def _add_day(doc: StatsDocument, day: date, fact: AnswerFact) -> None:
    # The window ends on the latest active day ever seen (not on today): a rebuild, whenever it
    # runs, keeps the same days.
    last = max(day, doc.streak.last_day or day)
    first_kept = window_start(last)
    if day >= first_kept:
        counters = doc.daily.setdefault(day.isoformat(), DayCounters())
        counters.attempts += 1
        counters.correct += int(fact.correct)
        counters.points = cents(counters.points + fact.points)
    doc.daily = {d: c for d, c in sorted(doc.daily.items()) if date.fromisoformat(d) >= first_kept}


def _add_streak_day(doc: StatsDocument, day: date) -> None:
    streak = doc.streak
    runs = merge_runs([(r.start, r.end) for r in streak.runs], day)
    streak.runs = [Run(start=s, end=e) for s, e in runs]
    streak.last_day = runs[-1][1]
    streak.current = run_length(*runs[-1])
    streak.best = max(run_length(s, e) for s, e in runs)


def _add_to_week(doc: StatsDocument, fact: AnswerFact) -> None:
    week, this_week = doc.week, week_id(fact.answered_at)
    if this_week < week.id:
        return  # a late answer of an earlier week: the weekly board has moved on
    if this_week > week.id:
        week.id, week.attempts, week.points, week.subjects = this_week, 0, 0.0, {}
    week.attempts += 1
    week.points = cents(week.points + fact.points)
    subject = week.subjects.setdefault(fact.subject, WeekSubject())
    subject.attempts += 1
    subject.points = cents(subject.points + fact.points)
