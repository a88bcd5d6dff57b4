"""The mistakes queue: one FSRS review card per (user, question). Owned by the adaptive actor."""
from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from storage.postgres.ratings_repo import QUESTION_COLUMNS, QUESTION_JOINS, QuestionRow
from storage.postgres.tx import Tx

CARD_COLUMNS = "state, step, stability, difficulty, due_at, last_review_at, reviews, lapses"

# Due cards, most overdue first, with what a list of mistakes shows and the rating rules need.
DUE = f"""
    SELECT {QUESTION_COLUMNS}, s.name AS subject_name, t.name AS theme,
           c.state, c.due_at, c.last_review_at, c.reviews, c.lapses
    {QUESTION_JOINS}
    JOIN themes t ON t.id = q.theme_id
    JOIN review_cards c ON c.question_id = q.id AND c.user_id = %(user_id)s
    WHERE c.due_at <= %(now)s
      AND NOT EXISTS (SELECT 1 FROM served_questions sq WHERE sq.user_id = %(user_id)s
                      AND sq.question_id = q.id AND sq.served_at > %(served_after)s)
    ORDER BY c.due_at, q.id LIMIT %(limit)s
"""
COUNT_DUE = "SELECT count(*) FROM review_cards WHERE user_id = %(user_id)s AND due_at <= %(now)s"
NEXT_DUE = "SELECT min(due_at) FROM review_cards WHERE user_id = %(user_id)s AND due_at > %(now)s"


class CardRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due_at: datetime
    last_review_at: datetime | None
    reviews: int
    lapses: int


class DueRow(QuestionRow):
    """A due card with its question (`difficulty` here is the bank's, not the card's)."""
    subject_name: str
    theme: str
    state: int
    due_at: datetime
    last_review_at: datetime | None
    reviews: int
    lapses: int


class ReviewsRepository:

    async def due(self, tx: Tx, user_id: int, now: datetime, *, limit: int,
                  served_after: datetime | None = None) -> list[DueRow]:
        """Due cards, most overdue first; served_after skips questions shown since then."""
        params = {"user_id": user_id, "now": now, "limit": limit, "served_after": served_after or now}
        return [DueRow.model_validate(r) for r in await tx.fetchall(DUE, params)]

    async def count_due(self, tx: Tx, user_id: int, now: datetime) -> int:
        return int(await tx.fetchval(COUNT_DUE, {"user_id": user_id, "now": now}))

    async def next_due(self, tx: Tx, user_id: int, now: datetime) -> datetime | None:
        return await tx.fetchval(NEXT_DUE, {"user_id": user_id, "now": now})
