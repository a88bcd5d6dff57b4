"""Attempts: one graded answer per served question (UNIQUE served_id makes a double submit a no-op)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from psycopg2.extras import Json
from pydantic import BaseModel, ConfigDict

from storage.postgres.outbox_sql import RECORDED_SELECT, patched, record_cte, take_recorded
from storage.postgres.prepared import Prepared
from storage.postgres.tx import Recordable, Tx

ATTEMPT_COLUMNS = """id, served_id, user_id, question_id, answer, correct, score, points, max_points,
                     elapsed_ms, channel, mode, created_at"""
INSERT_ATTEMPT = f"""
    INSERT INTO attempts (served_id, user_id, question_id, answer, correct, score, points, max_points,
                          elapsed_ms, channel, mode, created_at)
    VALUES (%(served_id)s, %(user_id)s, %(question_id)s, %(answer)s, %(correct)s, %(score)s, %(points)s,
            %(max_points)s, %(elapsed_ms)s, %(channel)s, %(mode)s, %(created_at)s)
    ON CONFLICT (served_id) DO NOTHING
    RETURNING {ATTEMPT_COLUMNS}
"""
# A training answer in one statement (so one transaction, no BEGIN/COMMIT round trips): the attempt,
# only for the user's own served question that was not skipped, and only when it was new, the
# question's counters and the session's last activity. No row back: answered or skipped already, or
# not this user's (the caller reads why).
INSERT_TRAINING_ATTEMPT = Prepared("apo_insert_training_attempt", f"""
    WITH attempt AS (
        INSERT INTO attempts (served_id, user_id, question_id, answer, correct, score, points, max_points,
                              elapsed_ms, channel, mode, created_at)
        SELECT sq.id, sq.user_id, sq.question_id, %(answer)s::jsonb, %(correct)s::boolean,
               %(score)s::float8, %(points)s::float8, %(max_points)s::smallint, %(elapsed_ms)s::integer,
               %(channel)s::text, %(mode)s::text, %(created_at)s::timestamptz
        FROM served_questions sq
        WHERE sq.id = %(served_id)s AND sq.user_id = %(user_id)s AND sq.question_id = %(question_id)s
          AND sq.skipped_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM training_sessions ts
                          WHERE ts.id = sq.session_id AND ts.finished_at IS NOT NULL)
        ON CONFLICT (served_id) DO NOTHING
        RETURNING {ATTEMPT_COLUMNS}
    ),
    counted AS (
        UPDATE questions SET attempts_count = attempts_count + 1,
                             correct_count = correct_count + CASE WHEN %(correct)s THEN 1 ELSE 0 END
        WHERE id = %(question_id)s AND EXISTS (SELECT 1 FROM attempt)
    ),
    touched AS (
        UPDATE training_sessions SET last_active_at = %(created_at)s
        WHERE id = %(session_id)s AND EXISTS (SELECT 1 FROM attempt)
    ),
    {record_cte("outbox", source="attempt", event_type="AnswerSubmitted", user_key="%(user_id)s::bigint",
                payload=patched(attempt_id="attempt.id"))}
    SELECT attempt.*, {RECORDED_SELECT} FROM attempt LEFT JOIN outbox ON true
""")
GET_BY_SERVED = f"SELECT {ATTEMPT_COLUMNS} FROM attempts WHERE served_id = %(served_id)s"
GET_BY_SERVED_IDS = f"SELECT {ATTEMPT_COLUMNS} FROM attempts WHERE served_id = ANY(%(ids)s)"


class AttemptWrite(BaseModel):
    model_config = ConfigDict(frozen=True)

    served_id: int
    user_id: int
    question_id: int
    answer: Any
    correct: bool
    score: float
    points: float
    max_points: int
    elapsed_ms: int | None
    channel: str
    mode: str
    created_at: datetime


class AttemptRecord(AttemptWrite):
    id: int


class AttemptsRepository:
    async def insert(self, tx: Tx, attempt: AttemptWrite) -> AttemptRecord | None:
        """The new attempt, or None when the served question already has one (a double submit)."""
        params = {**attempt.model_dump(), "answer": Json(attempt.answer)}
        row = await tx.fetchone(INSERT_ATTEMPT, params)
        return AttemptRecord.model_validate(row) if row else None

    async def insert_training(self, tx: Tx, attempt: AttemptWrite, session_id: int, event: Recordable
                              ) -> tuple[AttemptRecord, dict] | None:
        """As insert, for the user's own unskipped served question of an unfinished session only; a new
        attempt also counts on its question, touches its session and writes its event (`event` with
        the attempt's id put in) to the outbox: -> (attempt, its outbox row for Tx.note)."""
        params = {**attempt.model_dump(), **tx.outbox_params(), "answer": Json(attempt.answer),
                  "session_id": session_id, "event": Json(event.model_dump(mode="json"))}
        row = await tx.fetchone(INSERT_TRAINING_ATTEMPT, params)
        if row is None:
            return None
        recorded = take_recorded(row)
        return AttemptRecord.model_validate(row), recorded

    async def by_served(self, tx: Tx, served_id: int) -> AttemptRecord | None:
        row = await tx.fetchone(GET_BY_SERVED, {"served_id": served_id})
        return AttemptRecord.model_validate(row) if row else None

    async def by_served_ids(self, tx: Tx, served_ids: list[int]) -> dict[int, AttemptRecord]:
        rows = await tx.fetchall(GET_BY_SERVED_IDS, {"ids": served_ids})
        return {row["served_id"]: AttemptRecord.model_validate(row) for row in rows}
