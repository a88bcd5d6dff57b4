"""Domain events shaped like the training concern's (field names from its contract), for the tests.

They are declared here on purpose: analytics maps events by field name, not by type, so these
must arrive exactly like the real ones will.
"""
from __future__ import annotations

from datetime import datetime
from typing import Literal

from actors.runtime import Event

Channel = Literal["bot", "api"]


class QuestionServed(Event):
    served_id: int
    user_id: int
    question_id: int
    subject: str
    channel: Channel
    mode: str
    served_at: datetime


class AnswerSubmitted(Event):
    attempt_id: int
    user_id: int
    question_id: int
    subject: str
    theme: str
    source_id: str
    question_type: str
    correct: bool
    score: float
    points: float
    max_points: float
    elapsed_ms: int
    answered_at: datetime
    channel: Channel
    mode: str


class QuestionSkipped(Event):
    served_id: int
    user_id: int
    question_id: int
    skipped_at: datetime


class QuestionReported(Event):
    report_id: int
    user_id: int
    question_id: int
    external_id: str


class LoadTestEvent(Event):
    """Many of these make the outage test; `seq` tells them apart in `extra`."""
    seq: int
    user_id: int
    channel: Channel


def answer(user_id: int, question_id: int, correct: bool, at: datetime, *, subject: str = "economics",
           theme: str = "supply", elapsed_ms: int = 4000, channel: Channel = "bot") -> AnswerSubmitted:
    return AnswerSubmitted(attempt_id=user_id * 1000 + question_id, user_id=user_id, question_id=question_id,
                           subject=subject, theme=theme, source_id=f"src-{question_id}",
                           question_type="single", correct=correct, score=1.0 if correct else 0.0,
                           points=2.0 if correct else 0.0, max_points=2.0, elapsed_ms=elapsed_ms,
                           answered_at=at, channel=channel, mode="training")
