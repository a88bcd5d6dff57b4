"""Replies of the adaptive actor."""
from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from actors.training.views import QuestionView

CardState = Literal["learning", "review", "relearning"]
CARD_STATES: dict[int, CardState] = {1: "learning", 2: "review", 3: "relearning"}


class _Reply(BaseModel):
    model_config = ConfigDict(frozen=True)


class AdaptiveQuestion(QuestionView):
    """A training question (answer it with SubmitAnswer as usual) chosen by the adaptive rule or the
    mistakes queue. `difficulty` (1..5) is read off the question's rating, not the bank's."""
    mode: Literal["adaptive", "mistakes"]
    predicted_success: float = Field(description="your predicted chance to solve it, 0..1")
    question_rating: int = Field(description="the question's rating on the students' scale")
    reviews_due: int = Field(description="mistakes due for review now, this one included when it is one")


class SubjectRating(_Reply):
    subject: str
    subject_name: str
    rating: int
    level: str = Field(description="novice, beginner, intermediate, advanced or expert")
    level_name: str = Field(description="the level in the asked locale")
    answers: int
    success_rate: float = Field(description="average score of the rated answers, 0..1")
    provisional: bool = Field(description="too few answers yet for a stable rating")


class UserRatings(_Reply):
    user_id: int
    subjects: tuple[SubjectRating, ...]     # most answered first


class DueReview(_Reply):
    question_id: int
    subject: str
    subject_name: str
    theme: str
    type: str
    difficulty: int = Field(description="1..5, read off the question's rating")
    state: CardState
    due_at: datetime
    last_review_at: datetime | None
    reviews: int
    lapses: int = Field(description="times it was forgotten after being learned")


class DueReviews(_Reply):
    user_id: int
    due: int = Field(description="how many mistakes are due now")
    items: tuple[DueReview, ...]            # most overdue first, at most `limit`
    next_due_at: datetime | None = Field(description="the next due date after now; null: nothing scheduled")
