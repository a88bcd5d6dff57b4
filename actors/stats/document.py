"""The stored statistics document of one user (collection "stats", key = user id).

Every part is a function of the *set* of applied answers, never of their order, so folding the
attempts from PostgreSQL (a rebuild) gives exactly the document the events built:
sums are integers or rounded to cents at each step; the streak keeps runs of active days; the daily
window and the week follow the latest day / week seen.
"""
from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

# Applied attempt ids kept to recognise a redelivered event (a retry comes within a few answers).
# The document is rewritten on every answer: 1,000 ids made it 9 KB and cost 180 us of encoding and
# checking per answer for a long-time student; 200 make it 2 KB and 50 us.
RECENT_ATTEMPTS = 200


class _Part(BaseModel):
    model_config = ConfigDict(extra="ignore")  # a newer field written by a newer version is dropped


class Counters(_Part):
    attempts: int = 0
    correct: int = 0
    points: float = 0.0       # earned, rounded to cents after every addition
    max_points: int = 0
    time_ms: int = 0          # total answer time of the timed attempts
    timed: int = 0            # attempts with a known answer time


class ThemeCounters(Counters):
    subject: str
    theme: str


class DayCounters(_Part):
    attempts: int = 0
    correct: int = 0
    points: float = 0.0


class Run(_Part):
    start: date
    end: date


class Streak(_Part):
    current: int = 0          # length of the run that ends on last_day
    best: int = 0
    last_day: date | None = None
    runs: list[Run] = Field(default_factory=list)


class WeekSubject(_Part):
    attempts: int = 0
    points: float = 0.0


class Week(_Part):
    id: str = ""              # "2026-W09"; "" before the first answer
    attempts: int = 0
    points: float = 0.0
    subjects: dict[str, WeekSubject] = Field(default_factory=dict)


class StatsDocument(_Part):
    user_id: int
    timezone: str
    totals: Counters = Field(default_factory=Counters)
    subjects: dict[str, Counters] = Field(default_factory=dict)        # subject code -> counters
    themes: list[ThemeCounters] = Field(default_factory=list)         # sorted by (subject, theme)
    daily: dict[str, DayCounters] = Field(default_factory=dict)       # local "YYYY-MM-DD", 90 days
    streak: Streak = Field(default_factory=Streak)
    week: Week = Field(default_factory=Week)
    last_answered_at: datetime | None = None
    recent_attempts: list[int] = Field(default_factory=list)          # ascending, at most RECENT_ATTEMPTS
