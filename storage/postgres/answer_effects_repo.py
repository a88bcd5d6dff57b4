"""Applying one answer to the ratings and the review card: one read, then one write statement.

The write is a single statement (its own transaction): the rating_updates row claims the attempt,
and only a new claim moves the ratings and saves the card. Ratings move by a delta on the stored
value, so two answers applied at once to the same question (other users, other instances) both
count instead of one overwriting the other. Owned by the adaptive actor (0007's tables).
"""
from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from storage.postgres.ratings_repo import (
    QUESTION_COLUMNS,
    QUESTION_JOINS,
    QuestionRow,
    Rated,
)
from storage.postgres.reviews_repo import CARD_COLUMNS, CardRow
from storage.postgres.prepared import Prepared
from storage.postgres.tx import Tx

FACTS = Prepared("apo_answer_facts", f"""
    SELECT {QUESTION_COLUMNS},
           EXISTS (SELECT 1 FROM rating_updates WHERE attempt_id = %(attempt_id)s) AS applied,
           (SELECT COALESCE(jsonb_object_agg(r.subject_id, jsonb_build_object('rating', r.rating,
                                                                            'answers', r.answers)), '{{}}')
            FROM user_ratings r WHERE r.user_id = %(user_id)s) AS user_ratings,
           (SELECT to_jsonb(c) FROM review_cards c
            WHERE c.user_id = %(user_id)s AND c.question_id = q.id) AS card
    {QUESTION_JOINS}
    WHERE q.id = %(question_id)s
""")
APPLY = Prepared("apo_apply_answer", f"""
    WITH claim AS (
        INSERT INTO rating_updates (attempt_id, user_id, question_id, subject_id, expected, outcome,
                                    user_before, user_after, question_before, question_after, review_grade,
                                    applied_at)
        VALUES (%(attempt_id)s, %(user_id)s, %(question_id)s, %(subject_id)s, %(expected)s, %(outcome)s,
                %(user_before)s, %(user_after)s, %(question_before)s, %(question_after)s,
                %(review_grade)s::smallint, %(now)s)
        ON CONFLICT (attempt_id) DO NOTHING RETURNING attempt_id
    ), question_rating AS (
        INSERT INTO question_ratings (question_id, rating, answers, updated_at)
        SELECT %(question_id)s, %(question_after)s, %(question_answers)s + 1, %(now)s FROM claim
        ON CONFLICT (question_id) DO UPDATE SET
            rating = question_ratings.rating + (%(question_after)s - %(question_before)s),
            answers = question_ratings.answers + 1, updated_at = EXCLUDED.updated_at
    ), user_rating AS (
        INSERT INTO user_ratings (user_id, subject_id, rating, answers, score_sum, updated_at)
        SELECT %(user_id)s, %(subject_id)s, %(user_after)s, 1, %(outcome)s, %(now)s FROM claim
        ON CONFLICT (user_id, subject_id) DO UPDATE SET
            rating = user_ratings.rating + (%(user_after)s - %(user_before)s),
            answers = user_ratings.answers + 1, score_sum = user_ratings.score_sum + EXCLUDED.score_sum,
            updated_at = EXCLUDED.updated_at
    ), card AS (
        INSERT INTO review_cards (user_id, question_id, {CARD_COLUMNS}, created_at, updated_at)
        SELECT %(user_id)s, %(question_id)s, %(state)s::smallint, %(step)s::smallint,
               %(stability)s::double precision, %(difficulty)s::double precision, %(due_at)s::timestamptz,
               %(last_review_at)s::timestamptz, %(reviews)s::integer, %(lapses)s::integer, %(now)s, %(now)s
        FROM claim WHERE %(has_card)s
        ON CONFLICT (user_id, question_id) DO UPDATE SET
            state = EXCLUDED.state, step = EXCLUDED.step, stability = EXCLUDED.stability,
            difficulty = EXCLUDED.difficulty, due_at = EXCLUDED.due_at,
            last_review_at = EXCLUDED.last_review_at, reviews = EXCLUDED.reviews, lapses = EXCLUDED.lapses,
            updated_at = EXCLUDED.updated_at
    )
    SELECT count(*) AS claimed FROM claim
""")
_NO_CARD = dict.fromkeys(("state", "step", "stability", "difficulty", "due_at", "last_review_at",
                          "reviews", "lapses"))


class AnswerFacts(BaseModel):
    """What applying an answer reads: the question with its rating, the user's ratings by subject id,
    the user's review card of the question, and whether this attempt was applied already."""
    model_config = ConfigDict(frozen=True)

    question: QuestionRow
    applied: bool
    user_ratings: dict[int, Rated]
    card: CardRow | None


class RatingMove(BaseModel):
    """One answer's effect, as rating_updates records it."""
    model_config = ConfigDict(frozen=True)

    expected: float
    outcome: float
    user_before: float
    user_after: float
    question_before: float
    question_after: float
    question_answers: int  # the question's rating answers before this one
    review_grade: int | None


class AnswerEffectsRepository:
    async def facts(self, tx: Tx, attempt_id: int, user_id: int, question_id: int) -> AnswerFacts | None:
        """None when the question is gone."""
        row = await tx.fetchone(FACTS, {"attempt_id": attempt_id, "user_id": user_id, "question_id": question_id})
        if row is None:
            return None
        applied, ratings, card = row.pop("applied"), row.pop("user_ratings"), row.pop("card")
        return AnswerFacts(question=QuestionRow.model_validate(row), applied=applied,
                           user_ratings={int(k): Rated.model_validate(v) for k, v in ratings.items()},
                           card=CardRow.model_validate(card) if card else None)

    async def apply(self, tx: Tx, *, attempt_id: int, user_id: int, question: QuestionRow, move: RatingMove,
                    card: CardRow | None, now: datetime) -> bool:
        """False when another apply of this attempt claimed it first (nothing was changed)."""
        params = {"attempt_id": attempt_id, "user_id": user_id, "question_id": question.question_id,
                  "subject_id": question.subject_id, "now": now, **move.model_dump(),
                  "has_card": card is not None, **(card.model_dump() if card else _NO_CARD)}
        return (await tx.fetchval(APPLY, params)) == 1
