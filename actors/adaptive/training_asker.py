"""What adaptive asks the training actor: serve(user_id, question_id, channel, session_id) shows a
question it chose (adaptive, mistakes) in the user's training session, so SubmitAnswer works on it."""
from __future__ import annotations

from actors.adaptive.serving import ServeQuestionFn
from actors.runtime import ActorRef
from actors.training.messages import QuestionView, ServeQuestion


def serve_asker(training: ActorRef, timeout: float | None = None) -> ServeQuestionFn:
    """Adaptive asks training; training never asks it back, so the two cannot deadlock."""

    async def serve(user_id: int, question_id: int, channel: str, session_id: int | None) -> QuestionView:
        return await training.ask(ServeQuestion(user_id=user_id, question_id=question_id, channel=channel,
                                                session_id=session_id), timeout)

    return serve
