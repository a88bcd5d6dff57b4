"""The stats concern's contract: queries and the rebuild command. Replies are in views.py.

The actor also handles events of other concerns: training's AnswerSubmitted (adds the answer),
users' AccountsMerged (rebuilds the target from PostgreSQL, drops the source) and AccountDeleted
(drops the user's document).
"""
from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field, StringConstraints

from actors.runtime import Message
from actors.stats.views import (
    CounterView,
    DayActivity,
    Leaderboard,
    LeaderboardEntry,
    LeaderboardTop,
    Period,
    RebuildReport,
    StreakView,
    SubjectStats,
    ThemeStats,
    UserStats,
    WeekView,
)

SubjectCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,31}$")]

__all__ = ["CounterView", "DayActivity", "GetLeaderboard", "GetLeaderboardTop", "GetUserStats", "Leaderboard",
           "LeaderboardEntry", "LeaderboardTop", "Period", "RebuildReport", "RebuildStats", "StreakView",
           "SubjectCode", "SubjectStats", "ThemeStats", "UserStats", "WeekView"]


class GetUserStats(Message):
    """-> UserStats (all zeros for a user who has not answered yet)."""
    analytics_action: ClassVar[str] = "stats_viewed"
    user_id: int
    log_fields = ("user_id",)


class GetLeaderboardTop(Message):
    """-> LeaderboardTop: the best `limit` users by points. subject None: all subjects."""
    period: Period = "week"
    subject: SubjectCode | None = None
    limit: int = Field(10, ge=1, le=100)
    log_fields = ("period", "subject", "limit")


class GetLeaderboard(Message):
    """-> Leaderboard: the top plus the asking user's own entry and rank."""
    analytics_action: ClassVar[str] = "leaderboard_viewed"
    user_id: int
    period: Period = "week"
    subject: SubjectCode | None = None
    limit: int = Field(10, ge=1, le=100)
    log_fields = ("user_id", "period", "subject", "limit")


class RebuildStats(Message):
    """-> RebuildReport. Recomputes documents from the attempts in PostgreSQL (the source of truth):
    one user's, or (user_id None) everybody's, deleting documents of users without attempts."""
    user_id: int | None = None
    log_fields = ("user_id",)
