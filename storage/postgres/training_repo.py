"""Training sessions and served questions (each showing of a question is a row with its own id)."""
from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from storage.postgres.tx import Tx

SESSION_COLUMNS = "id, user_id, channel, started_at, last_active_at, finished_at"
SERVED_COLUMNS = "id, user_id, question_id, session_id, simulation_id, position, channel, served_at, skipped_at"

CREATE_SESSION = f"""
    INSERT INTO training_sessions (user_id, channel, started_at, last_active_at)
    VALUES (%(user_id)s, %(channel)s, %(now)s, %(now)s) RETURNING {SESSION_COLUMNS}
"""
GET_SESSION = f"SELECT {SESSION_COLUMNS} FROM training_sessions WHERE id = %(id)s AND user_id = %(user_id)s"
LATEST_OPEN_SESSION = f"""
    SELECT {SESSION_COLUMNS} FROM training_sessions
    WHERE user_id = %(user_id)s AND finished_at IS NULL AND last_active_at >= %(since)s
    ORDER BY last_active_at DESC LIMIT 1
"""
TOUCH_SESSION = "UPDATE training_sessions SET last_active_at = %(now)s WHERE id = %(id)s"
FINISH_SESSION = """
    UPDATE training_sessions SET finished_at = COALESCE(finished_at, %(now)s) WHERE id = %(id)s
"""
SESSION_SUMMARY = """
    SELECT count(sq.id) AS served, count(a.id) AS answered,
           count(a.id) FILTER (WHERE a.correct) AS correct, count(sq.skipped_at) AS skipped,
           COALESCE(sum(a.points), 0) AS points, COALESCE(sum(a.max_points), 0) AS max_points
    FROM served_questions sq LEFT JOIN attempts a ON a.served_id = sq.id
    WHERE sq.session_id = %(id)s
"""
# The question on screen: served in this session, neither answered nor skipped.
PENDING_SERVED = f"""
    SELECT {SERVED_COLUMNS} FROM served_questions sq
    WHERE session_id = %(session_id)s AND skipped_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.served_id = sq.id)
    ORDER BY id DESC LIMIT 1
"""
SERVE = f"""
    INSERT INTO served_questions (user_id, question_id, session_id, simulation_id, position, channel,
                                  served_at)
    VALUES (%(user_id)s, %(question_id)s, %(session_id)s, %(simulation_id)s, %(position)s, %(channel)s,
            %(now)s)
    RETURNING {SERVED_COLUMNS}
"""
GET_SERVED = f"SELECT {SERVED_COLUMNS} FROM served_questions WHERE id = %(id)s AND user_id = %(user_id)s"
SKIP = "UPDATE served_questions SET skipped_at = COALESCE(skipped_at, %(now)s) WHERE id = %(id)s"


class SessionRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    user_id: int
    channel: str
    started_at: datetime
    last_active_at: datetime
    finished_at: datetime | None


class SessionTotals(BaseModel):
    model_config = ConfigDict(frozen=True)

    served: int
    answered: int
    correct: int
    skipped: int
    points: float
    max_points: int


class ServedRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    user_id: int
    question_id: int
    session_id: int | None
    simulation_id: int | None
    position: int | None
    channel: str
    served_at: datetime
    skipped_at: datetime | None


class TrainingRepository:
    async def create_session(self, tx: Tx, user_id: int, channel: str, now: datetime) -> SessionRecord:
        row = await tx.fetchone(CREATE_SESSION, {"user_id": user_id, "channel": channel, "now": now})
        return SessionRecord.model_validate(row)

    async def get_session(self, tx: Tx, session_id: int, user_id: int) -> SessionRecord | None:
        row = await tx.fetchone(GET_SESSION, {"id": session_id, "user_id": user_id})
        return SessionRecord.model_validate(row) if row else None

    async def latest_open_session(self, tx: Tx, user_id: int, since: datetime) -> SessionRecord | None:
        row = await tx.fetchone(LATEST_OPEN_SESSION, {"user_id": user_id, "since": since})
        return SessionRecord.model_validate(row) if row else None

    async def touch_session(self, tx: Tx, session_id: int, now: datetime) -> None:
        await tx.execute(TOUCH_SESSION, {"id": session_id, "now": now})

    async def finish_session(self, tx: Tx, session_id: int, now: datetime) -> None:
        await tx.execute(FINISH_SESSION, {"id": session_id, "now": now})

    async def session_totals(self, tx: Tx, session_id: int) -> SessionTotals:
        return SessionTotals.model_validate(await tx.fetchone(SESSION_SUMMARY, {"id": session_id}))

    async def pending(self, tx: Tx, session_id: int) -> ServedRecord | None:
        row = await tx.fetchone(PENDING_SERVED, {"session_id": session_id})
        return ServedRecord.model_validate(row) if row else None

    async def serve(self, tx: Tx, *, user_id: int, question_id: int, channel: str, now: datetime,
                    session_id: int | None = None, simulation_id: int | None = None,
                    position: int | None = None) -> ServedRecord:
        row = await tx.fetchone(SERVE, {"user_id": user_id, "question_id": question_id, "channel": channel,
                                        "now": now, "session_id": session_id,
                                        "simulation_id": simulation_id, "position": position})
        return ServedRecord.model_validate(row)

    async def get_served(self, tx: Tx, served_id: int, user_id: int) -> ServedRecord | None:
        """Only the user's own: another user's served id reads as missing."""
        row = await tx.fetchone(GET_SERVED, {"id": served_id, "user_id": user_id})
        return ServedRecord.model_validate(row) if row else None

    async def skip(self, tx: Tx, served_id: int, now: datetime) -> None:
        await tx.execute(SKIP, {"id": served_id, "now": now})
