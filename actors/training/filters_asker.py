"""What training asks the filters actor: filters_for(user_id) -> the user's QuestionFilter."""
from __future__ import annotations

from actors.filters.messages import GetUserFilter
from actors.runtime import ActorRef
from actors.training.filters import FiltersFor, QuestionFilter


def filters_asker(filters: ActorRef, timeout: float | None = None) -> FiltersFor:
    """Training asks filters; filters never asks training, so the two cannot deadlock."""

    async def filters_for(user_id: int) -> QuestionFilter:
        settings = await filters.ask(GetUserFilter(user_id=user_id), timeout)
        return settings.to_question_filter()

    return filters_for
