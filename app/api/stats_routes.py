"""Statistics over REST: your own statistics and the leaderboards."""
from __future__ import annotations

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field

from actors.stats.messages import (
    GetLeaderboard,
    GetUserStats,
    Leaderboard,
    Period,
    SubjectCode,
    UserStats,
)
from actors.users.messages import UserView
from app.api.common import ask
from app.api.spec import api


class LeaderboardQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    period: Period = Field("week", description="week: this ISO week (Moscow time); all: all time")
    subject: SubjectCode | None = Field(None, description="a subject code; default: all subjects")
    limit: int = Field(10, ge=1, le=100, description="how many of the top to list")


@api.get("/stats/me", response=UserStats, tags=["stats"], auth=True)
async def get_my_stats(request: web.Request, principal: UserView) -> UserStats:
    """Your statistics: totals, by subject and theme, streak, this week and the last 90 days."""
    return await ask(request, GetUserStats(user_id=principal.id))


@api.get("/stats/leaderboard", query=LeaderboardQuery, response=Leaderboard, tags=["stats"], auth=True)
async def get_leaderboard(request: web.Request, query: LeaderboardQuery, principal: UserView) -> Leaderboard:
    """The top by points, this week or all time, overall or in one subject, with your own rank."""
    return await ask(request, GetLeaderboard(user_id=principal.id, **query.model_dump()))
