"""What reminders ask other actors: the mistakes due (adaptive) and the streak (stats). Neither
asks reminders back."""
from __future__ import annotations

from actors.adaptive.messages import GetDueReviews
from actors.reminders.reasons import Streak
from actors.runtime import ActorRef
from actors.stats.messages import GetUserStats


class ReminderLookups:
    def __init__(self, adaptive: ActorRef, stats: ActorRef) -> None:
        self._adaptive = adaptive
        self._stats = stats

    async def due_count(self, user_id: int) -> int:
        return (await self._adaptive.ask(GetDueReviews(user_id=user_id, limit=0))).due

    async def streak_of(self, user_id: int) -> Streak:
        streak = (await self._stats.ask(GetUserStats(user_id=user_id))).streak
        return Streak(current=streak.current, last_day=streak.last_day)
