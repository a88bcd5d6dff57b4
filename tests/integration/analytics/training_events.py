"""Events for the analytics tests: the training concern's own (so a change of their shape shows here),
built with test values, and a load-test event of the tests' own."""
from __future__ import annotations

from datetime import datetime
from typing import Literal

from actors.runtime import Event
from actors.training.messages import AnswerSubmitted, QuestionReported, QuestionServed, QuestionSkipped

Channel = Literal["bot", "api"]


class LoadTestEvent(Event):
    """Many of these make the outage test; `seq` tells them apart in `extra`."""
    seq: int
    user_id: int
    channel: Channel


def answer(user_id: int, question_id: int, correct: bool, at: datetime, *, subject: str = "economics",
           theme: str = "supply", elapsed_ms: int = 4000, channel: Channel = "bot") -> AnswerSubmitted:
    return AnswerSubmitted(attempt_id=user_id * 1000 + question_id, user_id=user_id, question_id=question_id,
                           subject=subject, theme=theme, source_id=question_id + 100,
                           question_type="one", correct=correct, score=1.0 if correct else 0.0,
                           points=2.0 if correct else 0.0, max_points=2, elapsed_ms=elapsed_ms,
                           answered_at=at, channel=channel, mode="training")


def served(served_id: int, user_id: int, question_id: int, at: datetime, *, channel: Channel = "bot",
           subject: str = "economics") -> QuestionServed:
    return QuestionServed(served_id=served_id, user_id=user_id, question_id=question_id, subject=subject,
                          session_id=1, simulation_id=None, channel=channel, mode="training", served_at=at)


__all__ = ["AnswerSubmitted", "LoadTestEvent", "QuestionReported", "QuestionServed", "QuestionSkipped", "answer",
           "served"]
