"""Stored document -> UserStats, as of `today` (the user's local date): what is "current" depends on it."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from actors.stats.calendar import window_start
from actors.stats.document import Counters, StatsDocument
from actors.stats.views import (
    CounterView,
    DayActivity,
    StreakView,
    SubjectStats,
    ThemeStats,
    UserStats,
    WeekView,
)


def counter_fields(counters: Counters) -> dict:
    attempts = counters.attempts
    return {"attempts": attempts, "correct": counters.correct, "points": counters.points,
            "max_points": counters.max_points,
            "accuracy": round(counters.correct / attempts, 4) if attempts else 0.0,
            "average_time_ms": round(counters.time_ms / counters.timed) if counters.timed else None}


def user_stats(doc: StatsDocument, today: date, this_week: str) -> UserStats:
    streak = doc.streak
    alive = streak.last_day is not None and streak.last_day >= today - timedelta(days=1)
    first = window_start(today)
    daily = [DayActivity(day=date.fromisoformat(day), **c.model_dump())
             for day, c in sorted(doc.daily.items()) if first <= date.fromisoformat(day) <= today]
    week = doc.week if doc.week.id == this_week else None
    subjects = sorted(doc.subjects.items(), key=lambda item: (-item[1].attempts, item[0]))
    return UserStats(
        user_id=doc.user_id, timezone=doc.timezone, totals=CounterView(**counter_fields(doc.totals)),
        subjects=tuple(SubjectStats(subject=code, **counter_fields(c)) for code, c in subjects),
        themes=tuple(ThemeStats(subject=t.subject, theme=t.theme, **counter_fields(t)) for t in doc.themes),
        streak=StreakView(current=streak.current if alive else 0, best=streak.best, last_day=streak.last_day),
        daily=tuple(daily),
        week=WeekView(id=this_week, attempts=week.attempts if week else 0,
                      points=week.points if week else 0.0),
        last_answered_at=doc.last_answered_at)


def local_today(now: datetime, tz: ZoneInfo) -> date:
    return now.astimezone(tz).date()
