"""Reading questions: one by id (with the answer, for grading on the server), all for export."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from storage.postgres.tx import Tx

QUESTION_SELECT = """
    SELECT q.id, q.external_id, s.code AS subject, s.name AS subject_name, q.theme_id,
           t.name AS theme, q.source_id, src.olympiad, src.stage, src.year, q.type, q.text,
           q.options, q.correct_answer, q.tolerance, q.explanation, q.may_in_subway, q.image,
           q.difficulty, q.points, q.attempts_count, q.correct_count
    FROM questions q
    JOIN subjects s ON s.id = q.subject_id
    JOIN themes t ON t.id = q.theme_id
    LEFT JOIN sources src ON src.id = q.source_id
"""
GET_QUESTION = QUESTION_SELECT + " WHERE q.id = %(id)s"
GET_QUESTIONS = QUESTION_SELECT + " WHERE q.id = ANY(%(ids)s)"
ALL_QUESTIONS = QUESTION_SELECT + " ORDER BY s.code, q.external_id"
QUESTION_EXISTS = "SELECT EXISTS (SELECT 1 FROM questions WHERE id = %(id)s)"
ANY_QUESTION = "SELECT EXISTS (SELECT 1 FROM questions)"
BUMP_COUNTERS = """
    UPDATE questions SET attempts_count = attempts_count + 1,
                         correct_count = correct_count + CASE WHEN %(correct)s THEN 1 ELSE 0 END
    WHERE id = %(id)s
"""


class QuestionContent(BaseModel):
    """What a question says and how it is graded: shared by the stored record and the importer's write."""
    model_config = ConfigDict(frozen=True)

    external_id: str
    theme_id: int
    source_id: int | None
    type: str
    text: str
    options: list[str]
    correct_answer: Any
    tolerance: float | None
    explanation: str
    may_in_subway: bool
    image: str | None
    difficulty: int
    points: int


class QuestionRecord(QuestionContent):
    """A whole question, the correct answer included: never hand it to an edge as it is."""
    id: int
    subject: str
    subject_name: str
    theme: str
    olympiad: str | None
    stage: str | None
    year: int | None
    attempts_count: int
    correct_count: int


class QuestionsRepository:
    async def get(self, tx: Tx, question_id: int) -> QuestionRecord | None:
        row = await tx.fetchone(GET_QUESTION, {"id": question_id})
        return QuestionRecord.model_validate(row) if row else None

    async def get_many(self, tx: Tx, question_ids: list[int]) -> dict[int, QuestionRecord]:
        rows = await tx.fetchall(GET_QUESTIONS, {"ids": question_ids})
        return {row["id"]: QuestionRecord.model_validate(row) for row in rows}

    async def exists(self, tx: Tx, question_id: int) -> bool:
        return bool(await tx.fetchval(QUESTION_EXISTS, {"id": question_id}))

    async def any(self, tx: Tx) -> bool:
        return bool(await tx.fetchval(ANY_QUESTION))

    async def all(self, tx: Tx) -> list[QuestionRecord]:
        return [QuestionRecord.model_validate(row) for row in await tx.fetchall(ALL_QUESTIONS)]

    async def bump_counters(self, tx: Tx, question_id: int, correct: bool) -> None:
        """The training actor's one write to the bank: in the same transaction as the attempt."""
        await tx.execute(BUMP_COUNTERS, {"id": question_id, "correct": correct})
