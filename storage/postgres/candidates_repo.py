"""Questions a user could be served next, each with the user's history of it (for the selection rule)."""
from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from storage.postgres.outbox_sql import RECORDED_SELECT, record_cte, take_recorded
from storage.postgres.prepared import Prepared
from storage.postgres.training_repo import (
    LATEST_OPEN_SESSION,
    PENDING_CTE,
    SESSION_BY_ID,
    SESSION_COLUMNS,
    TOUCH_SESSION_CTE,
    TOUCHED_SESSION_COLUMNS,
    ServedRecord,
    TouchedSession,
)
from storage.postgres.tx import Tx

# The user's history per question (kept by triggers, migration 0008): the last verdict and how
# often it was shown.
HISTORY = """
    SELECT q.id AS question_id, q.difficulty, h.last_correct, h.last_answered_at,
           COALESCE(h.times_served, 0) AS times_served
    FROM questions q
    JOIN subjects s ON s.id = q.subject_id
    LEFT JOIN sources src ON src.id = q.source_id
    LEFT JOIN user_question_history h ON h.user_id = %(user_id)s AND h.question_id = q.id
"""
# Each filter's condition, as the selection statements use them: only the active ones are put in (a
# statement per combination, see next_question_statement).
ACTIVE_CRITERIA = {
    "subjects": "s.code = ANY(%(subjects)s::text[])",
    "themes": "q.theme_id = ANY(%(themes)s::int[])",
    "sources": "q.source_id = ANY(%(sources)s::int[])",
    "stages": "src.stage = ANY(%(stages)s::text[])",
    "types": "q.type = ANY(%(types)s::text[])",
    "difficulty": "q.difficulty BETWEEN %(difficulty_min)s AND %(difficulty_max)s",
    "only_may_in_subway": "q.may_in_subway",
}
# When a parameter says "no restriction" (QuestionCriteria.params: a NULL list, a false flag).
_UNRESTRICTED = {"subjects": "%(subjects)s::text[] IS NULL", "themes": "%(themes)s::int[] IS NULL",
                 "sources": "%(sources)s::int[] IS NULL", "stages": "%(stages)s::text[] IS NULL",
                 "types": "%(types)s::text[] IS NULL", "only_may_in_subway": "NOT %(only_may_in_subway)s"}
# All filters in one condition, inactive ones passing: for statements that are not prepared (facets,
# adaptive candidates, counts), so that they match exactly what the selection can draw.
CRITERIA = " AND ".join(f"({_UNRESTRICTED[name]} OR {condition})" if name in _UNRESTRICTED else condition
                        for name, condition in ACTIVE_CRITERIA.items())
# Never twice in one session (`session` is the statement's CTE below).
NOT_IN_SESSION = """
    NOT EXISTS (SELECT 1 FROM served_questions sq
                WHERE sq.session_id = (SELECT id FROM session) AND sq.question_id = q.id)
"""
# The selection rule (actors/training/selection.py) in SQL: tier, then the oldest correct answer,
# then at random. Training takes the first (NEXT_QUESTION).
BEST_FIRST = """
    ORDER BY CASE WHEN COALESCE(h.times_served, 0) = 0 OR h.last_correct = false THEN 0
                  WHEN h.last_correct IS NULL THEN 1 ELSE 2 END,
             CASE WHEN h.last_correct THEN h.last_answered_at END NULLS FIRST,
             random()
    LIMIT 1
"""
# GetNextQuestion in one statement (it runs for every question, and every round trip counts): the
# session is touched (the user's latest open one, or a new one when there is none; or the one asked
# for by id), the question still on screen is looked up, and only when there is none (and the
# session is open) the best candidate is chosen and served. Only the served row crosses the wire.
OPEN_OR_NEW_SESSION_CTE = f"""
    touched AS (
        UPDATE training_sessions SET last_active_at = %(now)s
        WHERE id = ({LATEST_OPEN_SESSION}) RETURNING {SESSION_COLUMNS}
    ), created AS (
        INSERT INTO training_sessions (user_id, channel, started_at, last_active_at)
        SELECT %(user_id)s::bigint, %(channel)s::text, %(now)s::timestamptz, %(now)s::timestamptz
        WHERE NOT EXISTS (SELECT 1 FROM touched)
        RETURNING {SESSION_COLUMNS}
    ), session AS (SELECT * FROM touched UNION ALL SELECT * FROM created)
"""
# The served question's QuestionServed goes to the outbox in the same statement (its payload is
# actors/training/events.question_served's, built here: only the statement knows the question).
_SERVED_EVENT = record_cte(
    "outbox", source="served JOIN questions oq ON oq.id = served.question_id "
                     "JOIN subjects os ON os.id = oq.subject_id, session",
    event_type="QuestionServed", user_key="%(user_id)s::bigint",
    payload="""jsonb_build_object('served_id', served.id, 'user_id', %(user_id)s::bigint,
                                  'question_id', served.question_id, 'subject', os.code,
                                  'session_id', session.id, 'simulation_id', NULL, 'channel', %(channel)s::text,
                                  'mode', 'training', 'served_at', served.served_at)""")
NEXT_QUESTION = """
    WITH {session}, {pending}, served AS (
        INSERT INTO served_questions (user_id, question_id, session_id, channel, served_at)
        SELECT %(user_id)s::bigint, best.question_id, session.id, %(channel)s::text, %(now)s::timestamptz
        FROM session, ({history} WHERE {where} {best_first}) best
        WHERE session.finished_at IS NULL AND NOT EXISTS (SELECT 1 FROM pending)
        RETURNING id, question_id, served_at
    ), {served_event}
    SELECT {touched_columns}, served.id AS served_id, served.question_id AS served_question_id,
           served.served_at, {recorded}
    FROM session LEFT JOIN pending ON true LEFT JOIN served ON true LEFT JOIN outbox ON true
"""
_next_statements: dict[tuple[bool, tuple[str, ...]], Prepared] = {}


def next_question_statement(criteria: QuestionCriteria, by_id: bool) -> Prepared:
    """One prepared statement per combination of active filters, for the latest or a given session."""
    active = criteria.active()
    statement = _next_statements.get((by_id, active))
    if statement is None:
        where = " AND ".join([*(ACTIVE_CRITERIA[name] for name in active), NOT_IN_SESSION])
        mask = sum(1 << i for i, name in enumerate(ACTIVE_CRITERIA) if name in active)
        session = TOUCH_SESSION_CTE.format(which=SESSION_BY_ID) if by_id else OPEN_OR_NEW_SESSION_CTE
        statement = Prepared(f"apo_next_{'by_id' if by_id else 'latest'}_{mask}", NEXT_QUESTION.format(
            session=session, pending=PENDING_CTE, history=HISTORY, where=where, best_first=BEST_FIRST,
            touched_columns=TOUCHED_SESSION_COLUMNS, served_event=_SERVED_EVENT, recorded=RECORDED_SELECT))
        _next_statements[(by_id, active)] = statement
    return statement


COUNT_MATCHING = """
    SELECT count(*) FROM questions q JOIN subjects s ON s.id = q.subject_id
    LEFT JOIN sources src ON src.id = q.source_id WHERE """ + CRITERIA
PAPER_CANDIDATES = HISTORY + " WHERE s.code = %(subject)s AND q.source_id = %(source_id)s"
# With no year given, a paper comes from the latest year that has enough questions.
FIND_PAPER_SOURCE = """
    SELECT src.id FROM sources src
    JOIN questions q ON q.source_id = src.id JOIN subjects s ON s.id = q.subject_id
    WHERE s.code = %(subject)s AND src.olympiad = %(olympiad)s AND src.stage = %(stage)s
      AND (%(year)s::int IS NULL OR src.year = %(year)s::int)
    GROUP BY src.id HAVING count(*) >= %(size)s
    ORDER BY src.year DESC LIMIT 1
"""


class QuestionCriteria(BaseModel):
    """Which questions match; an empty set does not restrict (mirrors actors' QuestionFilter)."""
    model_config = ConfigDict(frozen=True)

    subjects: frozenset[str] = frozenset()
    themes: frozenset[int] = frozenset()
    sources: frozenset[int] = frozenset()
    stages: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()
    difficulty_min: int = 1
    difficulty_max: int = 5
    only_may_in_subway: bool = False

    def active(self) -> tuple[str, ...]:
        """The names (ACTIVE_CRITERIA's) of the conditions that restrict anything."""
        restricting = {"subjects": self.subjects, "themes": self.themes, "sources": self.sources,
                       "stages": self.stages, "types": self.types,
                       "difficulty": (self.difficulty_min, self.difficulty_max) != (1, 5),
                       "only_may_in_subway": self.only_may_in_subway}
        return tuple(name for name, value in restricting.items() if value)

    def params(self) -> dict[str, object]:
        def listed(values: frozenset) -> list | None:
            return sorted(values) if values else None  # NULL array = no restriction

        return {"subjects": listed(self.subjects), "themes": listed(self.themes),
                "sources": listed(self.sources), "stages": listed(self.stages),
                "types": listed(self.types), "difficulty_min": self.difficulty_min,
                "difficulty_max": self.difficulty_max, "only_may_in_subway": self.only_may_in_subway}


class CandidateRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    question_id: int
    difficulty: int
    last_correct: bool | None       # None: never answered by this user
    last_answered_at: datetime | None
    times_served: int               # how often it was shown to this user (any session, any mode)


class NextQuestion(BaseModel):
    """The touched session with the question on screen, if any; else what was served (None: nothing
    matched, or the session is finished)."""
    model_config = ConfigDict(frozen=True)

    touched: TouchedSession
    served: ServedRecord | None
    recorded: dict | None = None  # the served question's outbox row (Tx.note it with the event)


class CandidatesRepository:
    async def next_question(self, tx: Tx, user_id: int, session_id: int | None, criteria: QuestionCriteria,
                            channel: str, now: datetime, open_since: datetime) -> NextQuestion | None:
        """Touches the session (the given one, else the latest open since `open_since`, else a new
        one) and serves the best candidate unless a question is still on screen or the session is
        finished. None when the given session is not the user's."""
        params = {**criteria.params(), **tx.outbox_params(), "user_id": user_id, "id": session_id,
                  "channel": channel, "now": now, "since": open_since}
        row = await tx.fetchone(next_question_statement(criteria, by_id=session_id is not None), params)
        if row is None:
            return None
        recorded = take_recorded(row)
        served_id, question_id, served_at = row.pop("served_id"), row.pop("served_question_id"), row.pop("served_at")
        touched = TouchedSession.from_row(row)
        served = None if served_id is None else ServedRecord(
            id=served_id, user_id=user_id, question_id=question_id, session_id=touched.session.id,
            simulation_id=None, position=None, channel=channel, served_at=served_at, skipped_at=None)
        return NextQuestion(touched=touched, served=served, recorded=recorded)

    async def count_matching(self, tx: Tx, criteria: QuestionCriteria) -> int:
        return int(await tx.fetchval(COUNT_MATCHING, criteria.params()))

    async def find_paper_source(self, tx: Tx, subject: str, olympiad: str, stage: str,
                                year: int | None, size: int) -> int | None:
        return await tx.fetchval(FIND_PAPER_SOURCE, {"subject": subject, "olympiad": olympiad,
                                                     "stage": stage, "year": year, "size": size})

    async def for_paper(self, tx: Tx, user_id: int, subject: str, source_id: int) -> list[CandidateRecord]:
        params = {"user_id": user_id, "subject": subject, "source_id": source_id}
        return [CandidateRecord.model_validate(r) for r in await tx.fetchall(PAPER_CANDIDATES, params)]
