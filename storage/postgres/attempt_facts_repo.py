"""Attempts as statistics need them, for `apo stats rebuild`. READ-ONLY over tables owned by the
training and bank actors (attempts, questions, subjects, themes): the stats concern never writes them.
Until training offers a paging query message for this, the SQL lives here."""
from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from storage.postgres.tx import Tx

USERS_WITH_ATTEMPTS = "SELECT DISTINCT user_id FROM attempts ORDER BY user_id"
# Keyset paging by attempt id: constant memory however many attempts a user has.
ATTEMPTS_PAGE = """
    SELECT a.id AS attempt_id, a.user_id, s.code AS subject, t.name AS theme, a.correct, a.points,
           a.max_points, a.elapsed_ms, a.created_at AS answered_at
    FROM attempts a
    JOIN questions q ON q.id = a.question_id
    JOIN subjects s ON s.id = q.subject_id
    JOIN themes t ON t.id = q.theme_id
    WHERE a.user_id = %(user_id)s AND a.id > %(after_id)s
    ORDER BY a.id
    LIMIT %(limit)s
"""


class AttemptFactRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    attempt_id: int
    user_id: int
    subject: str
    theme: str
    correct: bool
    points: float
    max_points: int
    elapsed_ms: int | None
    answered_at: datetime


class AttemptFactsRepository:
    async def user_ids(self, tx: Tx) -> list[int]:
        return [row["user_id"] for row in await tx.fetchall(USERS_WITH_ATTEMPTS)]

    async def page(self, tx: Tx, user_id: int, after_id: int, limit: int) -> list[AttemptFactRecord]:
        rows = await tx.fetchall(ATTEMPTS_PAGE, {"user_id": user_id, "after_id": after_id, "limit": limit})
        return [AttemptFactRecord.model_validate(row) for row in rows]
