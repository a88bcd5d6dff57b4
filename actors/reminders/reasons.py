"""Why a user gets today's reminder: mistakes are due, or the streak breaks unless they practise today."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Streak:
    current: int                    # consecutive active days up to today or yesterday
    last_day: date | None           # the last active day (the stats' local calendar)


@dataclass(frozen=True)
class Reasons:
    due_reviews: int
    streak_days: int
    streak_at_risk: bool

    @property
    def any(self) -> bool:
        return self.due_reviews > 0 or self.streak_at_risk


DueCount = Callable[[int], Awaitable[int]]          # user_id -> mistakes due now
StreakOf = Callable[[int], Awaitable[Streak]]       # user_id -> the user's streak


def reasons_for(due_reviews: int, streak: Streak, today: date) -> Reasons:
    """A streak is at risk when it is alive but nothing was done today yet."""
    at_risk = streak.current > 0 and streak.last_day is not None and streak.last_day < today
    return Reasons(due_reviews=due_reviews, streak_days=streak.current, streak_at_risk=at_risk)
