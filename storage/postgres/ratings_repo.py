"""Ratings of students (per subject) and questions, the log of applied answers, and the questions a
user could get in adaptive mode with their ratings. Owned by the adaptive actor; it reads the
bank's questions and the user's served questions, and writes only its own tables (0007)."""
from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from storage.postgres.candidates_repo import CRITERIA, QuestionCriteria
from storage.postgres.tx import Tx

# What the rating rules need to know of a question (rating NULL: not rated yet, seed it).
QUESTION_COLUMNS = """
    q.id AS question_id, s.id AS subject_id, s.code AS subject, q.type, q.difficulty,
    jsonb_array_length(q.options) AS options, q.attempts_count, q.correct_count,
    qr.rating, COALESCE(qr.answers, 0) AS rating_answers
"""
QUESTION_JOINS = """
    FROM questions q JOIN subjects s ON s.id = q.subject_id
    LEFT JOIN question_ratings qr ON qr.question_id = q.id
"""
GET_QUESTION = f"SELECT {QUESTION_COLUMNS} {QUESTION_JOINS} WHERE q.id = %(question_id)s"
CANDIDATES = f"""
    WITH shown AS (
        SELECT question_id, count(*) AS times_served, max(served_at) AS last_served_at
        FROM served_questions WHERE user_id = %(user_id)s GROUP BY question_id
    )
    SELECT {QUESTION_COLUMNS}, shown.last_served_at, COALESCE(shown.times_served, 0) AS times_served
    {QUESTION_JOINS}
    LEFT JOIN sources src ON src.id = q.source_id
    LEFT JOIN shown ON shown.question_id = q.id
    WHERE {CRITERIA}
"""
USER_RATINGS = """
    SELECT s.code AS subject, s.name AS subject_name, r.rating, r.answers, r.score_sum, r.updated_at
    FROM user_ratings r JOIN subjects s ON s.id = r.subject_id
    WHERE r.user_id = %(user_id)s ORDER BY r.answers DESC, s.code
"""


class QuestionRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    question_id: int
    subject_id: int
    subject: str
    type: str
    difficulty: int
    options: int
    attempts_count: int
    correct_count: int
    rating: float | None            # None: never rated, seed it
    rating_answers: int


class CandidateRow(QuestionRow):
    last_served_at: datetime | None  # to this user, in any mode
    times_served: int


class Rated(BaseModel):
    model_config = ConfigDict(frozen=True)

    rating: float
    answers: int


class UserRatingRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    subject: str
    subject_name: str
    rating: float
    answers: int
    score_sum: float
    updated_at: datetime


class RatingsRepository:
    async def question(self, tx: Tx, question_id: int) -> QuestionRow | None:
        row = await tx.fetchone(GET_QUESTION, {"question_id": question_id})
        return QuestionRow.model_validate(row) if row else None

    async def candidates(self, tx: Tx, user_id: int, criteria: QuestionCriteria) -> list[CandidateRow]:
        rows = await tx.fetchall(CANDIDATES, {**criteria.params(), "user_id": user_id})
        return [CandidateRow.model_validate(r) for r in rows]

    async def user_ratings(self, tx: Tx, user_id: int) -> list[UserRatingRow]:
        return [UserRatingRow.model_validate(r) for r in await tx.fetchall(USER_RATINGS, {"user_id": user_id})]
