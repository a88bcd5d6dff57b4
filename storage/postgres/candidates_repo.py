"""Questions a user could be served next, each with the user's history of it (for the selection rule)."""
from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from storage.postgres.prepared import Prepared
from storage.postgres.training_repo import SERVED_COLUMNS, ServedRecord
from storage.postgres.tx import Tx

# The user's history per question: the last verdict and how often it was shown.
HISTORY = """
    WITH last_attempt AS (
        SELECT DISTINCT ON (question_id) question_id, correct AS last_correct,
               created_at AS last_answered_at
        FROM attempts WHERE user_id = %(user_id)s
        ORDER BY question_id, created_at DESC, id DESC
    ), shown AS (
        SELECT question_id, count(*) AS times_served
        FROM served_questions WHERE user_id = %(user_id)s GROUP BY question_id
    )
    SELECT q.id AS question_id, q.difficulty, la.last_correct, la.last_answered_at,
           COALESCE(shown.times_served, 0) AS times_served
    FROM questions q
    JOIN subjects s ON s.id = q.subject_id
    LEFT JOIN sources src ON src.id = q.source_id
    LEFT JOIN last_attempt la ON la.question_id = q.id
    LEFT JOIN shown ON shown.question_id = q.id
"""
CRITERIA = """
    (%(subjects)s::text[] IS NULL OR s.code = ANY(%(subjects)s::text[]))
    AND (%(themes)s::int[] IS NULL OR q.theme_id = ANY(%(themes)s::int[]))
    AND (%(sources)s::int[] IS NULL OR q.source_id = ANY(%(sources)s::int[]))
    AND (%(stages)s::text[] IS NULL OR src.stage = ANY(%(stages)s::text[]))
    AND (%(types)s::text[] IS NULL OR q.type = ANY(%(types)s::text[]))
    AND q.difficulty BETWEEN %(difficulty_min)s AND %(difficulty_max)s
    AND (NOT %(only_may_in_subway)s OR q.may_in_subway)
"""
NOT_IN_SESSION = """
    NOT EXISTS (SELECT 1 FROM served_questions sq
                WHERE sq.session_id = %(session_id)s AND sq.question_id = q.id)
"""
# The selection rule (actors/training/selection.py) in SQL: tier, then the oldest correct answer,
# then at random. Training takes the first and serves it in the same statement.
BEST_FIRST = """
    ORDER BY CASE WHEN COALESCE(shown.times_served, 0) = 0 OR la.last_correct = false THEN 0
                  WHEN la.last_correct IS NULL THEN 1 ELSE 2 END,
             CASE WHEN la.last_correct THEN la.last_answered_at END NULLS FIRST,
             random()
    LIMIT 1
"""
# The next training question is chosen and served in one statement (one round trip, nothing but the
# served row crosses the wire). It runs for every next question, so it is a prepared statement per
# combination of filters the user has on: with only those conditions in it, PostgreSQL's generic plan
# is as good as a fresh one (with CRITERIA's "NULL means no restriction" it was five times slower).
SERVE_BEST = """
    INSERT INTO served_questions (user_id, question_id, session_id, channel, served_at)
    SELECT %(user_id)s::bigint, best.question_id, %(session_id)s::bigint, %(channel)s::text,
           %(now)s::timestamptz
    FROM ({history} WHERE {where} {best_first}) best
    RETURNING {columns}
"""
ACTIVE_CRITERIA = {
    "subjects": "s.code = ANY(%(subjects)s::text[])",
    "themes": "q.theme_id = ANY(%(themes)s::int[])",
    "sources": "q.source_id = ANY(%(sources)s::int[])",
    "stages": "src.stage = ANY(%(stages)s::text[])",
    "types": "q.type = ANY(%(types)s::text[])",
    "difficulty": "q.difficulty BETWEEN %(difficulty_min)s AND %(difficulty_max)s",
    "only_may_in_subway": "q.may_in_subway",
}
_training_statements: dict[tuple[str, ...], Prepared] = {}


def serve_best_statement(criteria: QuestionCriteria) -> Prepared:
    active = criteria.active()
    statement = _training_statements.get(active)
    if statement is None:
        where = " AND ".join([*(ACTIVE_CRITERIA[name] for name in active), NOT_IN_SESSION])
        mask = sum(1 << i for i, name in enumerate(ACTIVE_CRITERIA) if name in active)
        statement = Prepared(f"apo_serve_best_{mask}", SERVE_BEST.format(
            history=HISTORY, where=where, best_first=BEST_FIRST, columns=SERVED_COLUMNS))
        _training_statements[active] = statement
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


class CandidatesRepository:
    async def serve_best(self, tx: Tx, user_id: int, session_id: int, criteria: QuestionCriteria,
                         channel: str, now: datetime) -> ServedRecord | None:
        """Serves the best candidate by the selection rule in this session; None when none is left."""
        params = {**criteria.params(), "user_id": user_id, "session_id": session_id, "channel": channel,
                  "now": now}
        row = await tx.fetchone(serve_best_statement(criteria), params)
        return ServedRecord.model_validate(row) if row else None

    async def count_matching(self, tx: Tx, criteria: QuestionCriteria) -> int:
        return int(await tx.fetchval(COUNT_MATCHING, criteria.params()))

    async def find_paper_source(self, tx: Tx, subject: str, olympiad: str, stage: str,
                                year: int | None, size: int) -> int | None:
        return await tx.fetchval(FIND_PAPER_SOURCE, {"subject": subject, "olympiad": olympiad,
                                                     "stage": stage, "year": year, "size": size})

    async def for_paper(self, tx: Tx, user_id: int, subject: str, source_id: int) -> list[CandidateRecord]:
        params = {"user_id": user_id, "subject": subject, "source_id": source_id}
        return [CandidateRecord.model_validate(r) for r in await tx.fetchall(PAPER_CANDIDATES, params)]
