"""Training sessions and served questions (each showing of a question is a row with its own id)."""
from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from storage.postgres.attempts_repo import AttemptRecord
from storage.postgres.prepared import Prepared
from storage.postgres.tx import Tx

SESSION_COLUMNS = "id, user_id, channel, started_at, last_active_at, finished_at"
SERVED_COLUMNS = "id, user_id, question_id, session_id, simulation_id, position, channel, served_at, skipped_at"

CREATE_SESSION = f"""
    INSERT INTO training_sessions (user_id, channel, started_at, last_active_at)
    VALUES (%(user_id)s, %(channel)s, %(now)s, %(now)s) RETURNING {SESSION_COLUMNS}
"""
GET_SESSION = f"SELECT {SESSION_COLUMNS} FROM training_sessions WHERE id = %(id)s AND user_id = %(user_id)s"
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
SERVE = Prepared("apo_serve", f"""
    INSERT INTO served_questions (user_id, question_id, session_id, simulation_id, position, channel,
                                  served_at)
    VALUES (%(user_id)s, %(question_id)s, %(session_id)s, %(simulation_id)s, %(position)s, %(channel)s,
            %(now)s)
    RETURNING {SERVED_COLUMNS}
""")
# The start of GetNextQuestion and ServeQuestion, as CTEs: the session ({which} finds its id) is
# touched (only while it is open) and returned with the question on screen, if any (served, neither
# answered nor skipped). candidates_repo.py builds the whole next question on the same CTEs.
TOUCH_SESSION_CTE = f"""
    session AS (
        UPDATE training_sessions
        SET last_active_at = CASE WHEN finished_at IS NULL THEN %(now)s ELSE last_active_at END
        WHERE id = ({{which}}) RETURNING {SESSION_COLUMNS}
    )
"""
PENDING_CTE = """
    pending AS (
        SELECT sq.id, sq.question_id FROM session JOIN served_questions sq ON sq.session_id = session.id
        WHERE sq.skipped_at IS NULL AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.served_id = sq.id)
        ORDER BY sq.id DESC LIMIT 1
    )
"""
TOUCHED_SESSION_COLUMNS = "session.*, pending.id AS pending_served_id, pending.question_id AS pending_question_id"
LATEST_OPEN_SESSION = """
    SELECT id FROM training_sessions
    WHERE user_id = %(user_id)s AND finished_at IS NULL AND last_active_at >= %(since)s
    ORDER BY last_active_at DESC LIMIT 1"""
SESSION_BY_ID = "SELECT id FROM training_sessions WHERE id = %(id)s AND user_id = %(user_id)s"
_TOUCHED_WITH_PENDING = (f"WITH {TOUCH_SESSION_CTE}, {PENDING_CTE} SELECT {TOUCHED_SESSION_COLUMNS} "
                         "FROM session LEFT JOIN pending ON true")
TOUCH_LATEST_OPEN = Prepared("apo_touch_latest_open", _TOUCHED_WITH_PENDING.format(which=LATEST_OPEN_SESSION))
TOUCH_SESSION_BY_ID = Prepared("apo_touch_session_by_id", _TOUCHED_WITH_PENDING.format(which=SESSION_BY_ID))
GET_SERVED = f"SELECT {SERVED_COLUMNS} FROM served_questions WHERE id = %(id)s AND user_id = %(user_id)s"
# A served question with its attempt, if it has one: what SubmitAnswer needs, in one round trip.
GET_SERVED_AND_ATTEMPT = Prepared("apo_served_and_attempt", f"""
    SELECT {", ".join("sq." + c.strip() for c in SERVED_COLUMNS.split(","))},
           CASE WHEN a.id IS NULL THEN NULL ELSE to_jsonb(a) END AS attempt
    FROM served_questions sq LEFT JOIN attempts a ON a.served_id = sq.id
    WHERE sq.id = %(id)s AND sq.user_id = %(user_id)s
""")
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


class TouchedSession(BaseModel):
    """A session as it is after being touched, with the question still on screen (if any)."""
    model_config = ConfigDict(frozen=True)

    session: SessionRecord
    pending_served_id: int | None
    pending_question_id: int | None

    @classmethod
    def from_row(cls, row: dict) -> TouchedSession:
        pending_served_id = row.pop("pending_served_id")
        pending_question_id = row.pop("pending_question_id")
        return cls(session=SessionRecord.model_validate(row), pending_served_id=pending_served_id,
                   pending_question_id=pending_question_id)


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

    async def touch_latest_open(self, tx: Tx, user_id: int, since: datetime,
                                now: datetime) -> TouchedSession | None:
        """The user's latest session still open and active since `since`, touched."""
        row = await tx.fetchone(TOUCH_LATEST_OPEN, {"user_id": user_id, "since": since, "now": now})
        return TouchedSession.from_row(row) if row else None

    async def touch_by_id(self, tx: Tx, session_id: int, user_id: int, now: datetime) -> TouchedSession | None:
        """The user's own session (touched only while open); another user's reads as missing."""
        row = await tx.fetchone(TOUCH_SESSION_BY_ID, {"id": session_id, "user_id": user_id, "now": now})
        return TouchedSession.from_row(row) if row else None

    async def finish_session(self, tx: Tx, session_id: int, now: datetime) -> None:
        await tx.execute(FINISH_SESSION, {"id": session_id, "now": now})

    async def session_totals(self, tx: Tx, session_id: int) -> SessionTotals:
        return SessionTotals.model_validate(await tx.fetchone(SESSION_SUMMARY, {"id": session_id}))

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

    async def get_served_and_attempt(self, tx: Tx, served_id: int,
                                     user_id: int) -> tuple[ServedRecord, AttemptRecord | None] | None:
        """The user's own served question and its attempt (None while unanswered)."""
        row = await tx.fetchone(GET_SERVED_AND_ATTEMPT, {"id": served_id, "user_id": user_id})
        if row is None:
            return None
        attempt = row.pop("attempt")
        return ServedRecord.model_validate(row), AttemptRecord.model_validate(attempt) if attempt else None

    async def skip(self, tx: Tx, served_id: int, now: datetime) -> None:
        await tx.execute(SKIP, {"id": served_id, "now": now})
