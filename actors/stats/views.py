"""Replies of the stats actor: what the bot screens and the REST API show."""
from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Period = Literal["week", "all"]


class _Reply(BaseModel):
    model_config = ConfigDict(frozen=True)


class CounterView(_Reply):
    attempts: int
    correct: int
    points: float                   # earned
    max_points: int                 # could have earned
    accuracy: float = Field(description="correct / attempts, 0..1 (0 with no attempts)")
    average_time_ms: int | None = Field(description="mean answer time of the timed attempts")


class SubjectStats(CounterView):
    subject: str                    # code: "economics"


class ThemeStats(CounterView):
    subject: str
    theme: str


class DayActivity(_Reply):
    day: date                       # the user's local day
    attempts: int
    correct: int
    points: float


class StreakView(_Reply):
    current: int = Field(description="consecutive local days up to today or yesterday; 0 once broken")
    best: int
    last_day: date | None


class WeekView(_Reply):
    id: str                         # ISO week on the leaderboard clock: "2026-W09"
    attempts: int
    points: float


class UserStats(_Reply):
    user_id: int
    timezone: str
    totals: CounterView
    subjects: tuple[SubjectStats, ...]   # most attempted first
    themes: tuple[ThemeStats, ...]       # by subject, then theme
    streak: StreakView
    daily: tuple[DayActivity, ...]       # active days of the last 90 (today included), oldest first
    week: WeekView                       # this week so far
    last_answered_at: datetime | None


class LeaderboardEntry(_Reply):
    rank: int                       # equal points share a rank: 1, 2, 2, 4
    user_id: int
    display_name: str | None        # None: the account no longer exists
    points: float
    attempts: int


class LeaderboardTop(_Reply):
    period: Period
    subject: str | None             # None: all subjects
    week: str | None                # the week shown when period == "week"
    entries: tuple[LeaderboardEntry, ...]


class Leaderboard(LeaderboardTop):
    me: LeaderboardEntry | None     # the asking user; None until they earn points on this board


class RebuildReport(_Reply):
    users: int                      # documents written
    attempts: int                   # attempts folded into them
    removed: int                    # documents of users without attempts, deleted
