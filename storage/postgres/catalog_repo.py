"""What the bank holds, counted: subjects, themes, sources, and the papers a simulation can draw."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from storage.postgres.tx import Tx

SUBJECTS = """
    SELECT s.code, s.name, count(q.id) AS questions
    FROM subjects s LEFT JOIN questions q ON q.subject_id = s.id
    GROUP BY s.id ORDER BY s.code
"""
THEMES = """
    SELECT t.id, s.code AS subject, t.name, count(q.id) AS questions
    FROM themes t JOIN subjects s ON s.id = t.subject_id LEFT JOIN questions q ON q.theme_id = t.id
    GROUP BY t.id, s.code ORDER BY s.code, t.name
"""
SOURCES = """
    SELECT src.id, src.olympiad, src.stage, src.year, count(q.id) AS questions
    FROM sources src LEFT JOIN questions q ON q.source_id = src.id
    GROUP BY src.id ORDER BY src.olympiad, src.year DESC, src.stage
"""
# One paper = one subject of one source (olympiad, stage, year) with enough questions.
PAPERS = """
    SELECT src.id AS source_id, s.code AS subject, s.name AS subject_name, src.olympiad, src.stage,
           src.year, count(*) AS questions
    FROM questions q JOIN subjects s ON s.id = q.subject_id JOIN sources src ON src.id = q.source_id
    GROUP BY src.id, s.id
    HAVING count(*) >= %(size)s
    ORDER BY s.code, src.olympiad, src.year DESC, src.stage
"""


class SubjectCount(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    questions: int


class ThemeCount(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    subject: str
    name: str
    questions: int


class SourceCount(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    olympiad: str
    stage: str
    year: int
    questions: int


class PaperRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    source_id: int
    subject: str
    subject_name: str
    olympiad: str
    stage: str
    year: int
    questions: int


class CatalogRepository:
    async def subjects(self, tx: Tx) -> list[SubjectCount]:
        return [SubjectCount.model_validate(r) for r in await tx.fetchall(SUBJECTS)]

    async def themes(self, tx: Tx) -> list[ThemeCount]:
        return [ThemeCount.model_validate(r) for r in await tx.fetchall(THEMES)]

    async def sources(self, tx: Tx) -> list[SourceCount]:
        return [SourceCount.model_validate(r) for r in await tx.fetchall(SOURCES)]

    async def papers(self, tx: Tx, size: int) -> list[PaperRecord]:
        return [PaperRecord.model_validate(r) for r in await tx.fetchall(PAPERS, {"size": size})]
