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
CLAIM_ATTEMPT = """
    INSERT INTO rating_updates (attempt_id, user_id, question_id, subject_id, applied_at)
    VALUES (%(attempt_id)s, %(user_id)s, %(question_id)s, %(subject_id)s, %(now)s)
    ON CONFLICT (attempt_id) DO NOTHING RETURNING attempt_id
"""
RECORD_UPDATE = """
    UPDATE rating_updates SET expected = %(expected)s, outcome = %(outcome)s, user_before = %(user_before)s,
        user_after = %(user_after)s, question_before = %(question_before)s,
        question_after = %(question_after)s, review_grade = %(review_grade)s
    WHERE attempt_id = %(attempt_id)s
"""
SEED_QUESTION = """
    INSERT INTO question_ratings (question_id, rating, answers) VALUES (%(question_id)s, %(rating)s, %(answers)s)
    ON CONFLICT (question_id) DO NOTHING
"""
LOCK_QUESTION = "SELECT rating, answers FROM question_ratings WHERE question_id = %(question_id)s FOR UPDATE"
SAVE_QUESTION = """
    UPDATE question_ratings SET rating = %(rating)s, answers = answers + 1, updated_at = %(now)s
    WHERE question_id = %(question_id)s
"""
SEED_USER = """
    INSERT INTO user_ratings (user_id, subject_id, rating) VALUES (%(user_id)s, %(subject_id)s, %(rating)s)
    ON CONFLICT (user_id, subject_id) DO NOTHING
"""
LOCK_USER = """
    SELECT rating, answers FROM user_ratings WHERE user_id = %(user_id)s AND subject_id = %(subject_id)s FOR UPDATE
"""
SAVE_USER = """
    UPDATE user_ratings SET rating = %(rating)s, answers = answers + 1, score_sum = score_sum + %(score)s,
                            updated_at = %(now)s
    WHERE user_id = %(user_id)s AND subject_id = %(subject_id)s
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

    async def claim_attempt(self, tx: Tx, attempt_id: int, user_id: int, question: QuestionRow,
                            now: datetime) -> bool:
        """False when this attempt was applied before (a repeated event)."""
        params = {"attempt_id": attempt_id, "user_id": user_id, "question_id": question.question_id,
                  "subject_id": question.subject_id, "now": now}
        return await tx.fetchone(CLAIM_ATTEMPT, params) is not None

    async def record_update(self, tx: Tx, attempt_id: int, **values: float | None) -> None:
        await tx.execute(RECORD_UPDATE, {"attempt_id": attempt_id, **values})

    async def lock_question(self, tx: Tx, question_id: int, seed: Rated) -> Rated:
        await tx.execute(SEED_QUESTION, {"question_id": question_id, **seed.model_dump()})
        return Rated.model_validate(await tx.fetchone(LOCK_QUESTION, {"question_id": question_id}))

    async def save_question(self, tx: Tx, question_id: int, rating: float, now: datetime) -> None:
        await tx.execute(SAVE_QUESTION, {"question_id": question_id, "rating": rating, "now": now})

    async def lock_user(self, tx: Tx, user_id: int, subject_id: int, seed: float) -> Rated:
        params = {"user_id": user_id, "subject_id": subject_id}
        await tx.execute(SEED_USER, {**params, "rating": seed})
        return Rated.model_validate(await tx.fetchone(LOCK_USER, params))

    async def save_user(self, tx: Tx, user_id: int, subject_id: int, rating: float, score: float,
                        now: datetime) -> None:
        await tx.execute(SAVE_USER, {"user_id": user_id, "subject_id": subject_id, "rating": rating,
                                     "score": score, "now": now})

    async def user_ratings(self, tx: Tx, user_id: int) -> list[UserRatingRow]:
        return [UserRatingRow.model_validate(r) for r in await tx.fetchall(USER_RATINGS, {"user_id": user_id})]
