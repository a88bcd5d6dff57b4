"""The adaptive concern's contract with the edges. Replies are in views.py (re-exported here).

The actor also handles training's AnswerSubmitted: every answer (training or simulation) moves the
student's rating in its subject and the question's rating, and feeds the mistakes queue. Applying
the same attempt twice changes nothing (idempotent per attempt_id).

Both "next" queries serve through the training actor, so the answer goes to SubmitAnswer (or
SkipQuestion) unchanged; as with GetNextQuestion, a question shown in the session and not yet
answered or skipped comes back instead of a new one.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from actors.adaptive.views import (  # noqa: F401 - the replies, re-exported with the messages
    AdaptiveQuestion,
    DueReview,
    DueReviews,
    SubjectRating,
    UserRatings,
)
from actors.runtime import Message

Channel = Literal["bot", "api"]
Locale = Literal["ru", "en"]


class GetNextAdaptiveQuestion(Message):
    """-> AdaptiveQuestion: within the user's filters, the question with predicted success closest to
    75% (70-80% band), avoiding those served in the last 24 h. Raises NoQuestionMatches (training's),
    SessionNotFound, SessionFinished."""
    user_id: int
    channel: Channel
    session_id: int | None = None
    log_fields = ("user_id", "channel", "session_id")


class GetNextReview(Message):
    """-> AdaptiveQuestion (mode "mistakes"): the most overdue due mistake, regardless of filters,
    skipping those shown in the last 10 minutes. Raises NoReviewsDue (with next_due_at)."""
    user_id: int
    channel: Channel
    session_id: int | None = None
    log_fields = ("user_id", "channel", "session_id")


class GetUserRatings(Message):
    """-> UserRatings: the user's rating per subject answered so far, with a readable level."""
    user_id: int
    locale: Locale = "ru"
    log_fields = ("user_id",)


class GetDueReviews(Message):
    """-> DueReviews: how many mistakes are due now and the first `limit` of them."""
    user_id: int
    limit: int = Field(20, ge=0, le=200)
    log_fields = ("user_id", "limit")
