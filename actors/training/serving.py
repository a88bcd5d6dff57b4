"""serve(user_id, question_id, channel, session_id) -> QuestionView: how concerns that choose their own
questions (adaptive, mistakes) show one in the user's training session, so SubmitAnswer works on it."""
from __future__ import annotations

from collections.abc import Awaitable, Callable

from actors.runtime import ActorRef
from actors.training.messages import QuestionView, ServeQuestion

ServeFn = Callable[[int, int, str, int | None], Awaitable[QuestionView]]


def serve_asker(training: ActorRef, timeout: float | None = None) -> ServeFn:
    """The adaptive actor asks training; training never asks it back, so the two cannot deadlock."""

    async def serve(user_id: int, question_id: int, channel: str, session_id: int | None) -> QuestionView:
        return await training.ask(ServeQuestion(user_id=user_id, question_id=question_id, channel=channel,
                                                session_id=session_id), timeout)

    return serve
