"""Writing the bank: subjects, sources, themes and questions, in batches (one statement per kind)."""
from __future__ import annotations

from psycopg2.extras import Json

from storage.postgres.questions_repo import QuestionContent
from storage.postgres.tx import Tx

# Two imports at once (two processes seeding an empty bank) take turns; any constant will do.
IMPORT_LOCK_KEY = 0x41504F_0003
LOCK_BANK = "SELECT pg_advisory_xact_lock(%(key)s)"

UPSERT_NAMED_SUBJECTS = """
    INSERT INTO subjects (code, name)
    SELECT code, name FROM jsonb_to_recordset(%(rows)s::jsonb) AS r(code text, name text)
    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name
"""
# A code without a name keeps the stored name, or is named after itself when new.
INSERT_UNNAMED_SUBJECTS = """
    INSERT INTO subjects (code, name) SELECT code, code FROM unnest(%(codes)s::text[]) AS code
    ON CONFLICT (code) DO NOTHING
"""
SUBJECT_IDS = "SELECT code, id FROM subjects WHERE code = ANY(%(codes)s::text[])"
INSERT_SOURCES = """
    INSERT INTO sources (olympiad, stage, year)
    SELECT olympiad, stage, year FROM jsonb_to_recordset(%(rows)s::jsonb)
        AS r(olympiad text, stage text, year integer)
    ON CONFLICT DO NOTHING
"""
SOURCE_IDS = """
    SELECT s.olympiad, s.stage, s.year, s.id
    FROM sources s JOIN jsonb_to_recordset(%(rows)s::jsonb) AS r(olympiad text, stage text, year integer)
      ON s.olympiad = r.olympiad AND s.stage = r.stage AND s.year = r.year
"""
INSERT_THEMES = """
    INSERT INTO themes (subject_id, name)
    SELECT subject_id, name FROM jsonb_to_recordset(%(rows)s::jsonb) AS r(subject_id integer, name text)
    ON CONFLICT DO NOTHING
"""
THEME_IDS = """
    SELECT t.subject_id, t.name, t.id
    FROM themes t JOIN jsonb_to_recordset(%(rows)s::jsonb) AS r(subject_id integer, name text)
      ON t.subject_id = r.subject_id AND t.name = r.name
"""
EXISTING_HASHES = "SELECT external_id, content_hash FROM questions WHERE external_id = ANY(%(ids)s::text[])"
QUESTION_COLUMNS = """external_id text, subject_id integer, theme_id integer, source_id integer, type text,
    text text, options jsonb, correct_answer jsonb, tolerance double precision, explanation text,
    may_in_subway boolean, image text, difficulty smallint, points smallint, content_hash text"""
INSERT_QUESTIONS = f"""
    INSERT INTO questions (external_id, subject_id, theme_id, source_id, type, text, options,
                           correct_answer, tolerance, explanation, may_in_subway, image, difficulty,
                           points, content_hash)
    SELECT external_id, subject_id, theme_id, source_id, type, text, options, correct_answer,
           tolerance, explanation, may_in_subway, image, difficulty, points, content_hash
    FROM jsonb_to_recordset(%(rows)s::jsonb) AS r({QUESTION_COLUMNS})
"""
UPDATE_QUESTIONS = f"""
    UPDATE questions q SET subject_id = r.subject_id, theme_id = r.theme_id, source_id = r.source_id,
           type = r.type, text = r.text, options = r.options, correct_answer = r.correct_answer,
           tolerance = r.tolerance, explanation = r.explanation, may_in_subway = r.may_in_subway,
           image = r.image, difficulty = r.difficulty, points = r.points,
           content_hash = r.content_hash, updated_at = now()
    FROM jsonb_to_recordset(%(rows)s::jsonb) AS r({QUESTION_COLUMNS})
    WHERE q.external_id = r.external_id
"""


class QuestionWrite(QuestionContent):
    """One question as stored, with its references already resolved to ids."""
    subject_id: int
    content_hash: str


SourceKey = tuple[str, str, int]  # (olympiad, stage, year)


class BankRepository:
    async def lock(self, tx: Tx) -> None:
        await tx.execute(LOCK_BANK, {"key": IMPORT_LOCK_KEY})

    async def subject_ids(self, tx: Tx, names: dict[str, str | None]) -> dict[str, int]:
        """Creates missing subjects (and renames those given a name); code -> id."""
        named = [{"code": code, "name": name} for code, name in names.items() if name]
        if named:
            await tx.execute(UPSERT_NAMED_SUBJECTS, {"rows": Json(named)})
        unnamed = [code for code, name in names.items() if not name]
        if unnamed:
            await tx.execute(INSERT_UNNAMED_SUBJECTS, {"codes": unnamed})
        rows = await tx.fetchall(SUBJECT_IDS, {"codes": list(names)})
        return {row["code"]: row["id"] for row in rows}

    async def source_ids(self, tx: Tx, keys: set[SourceKey]) -> dict[SourceKey, int]:
        rows = Json([{"olympiad": o, "stage": s, "year": y} for o, s, y in sorted(keys)])
        await tx.execute(INSERT_SOURCES, {"rows": rows})
        found = await tx.fetchall(SOURCE_IDS, {"rows": rows})
        return {(r["olympiad"], r["stage"], r["year"]): r["id"] for r in found}

    async def theme_ids(self, tx: Tx, keys: set[tuple[int, str]]) -> dict[tuple[int, str], int]:
        rows = Json([{"subject_id": s, "name": n} for s, n in sorted(keys)])
        await tx.execute(INSERT_THEMES, {"rows": rows})
        found = await tx.fetchall(THEME_IDS, {"rows": rows})
        return {(r["subject_id"], r["name"]): r["id"] for r in found}

    async def existing_hashes(self, tx: Tx, external_ids: list[str]) -> dict[str, str]:
        rows = await tx.fetchall(EXISTING_HASHES, {"ids": external_ids})
        return {row["external_id"]: row["content_hash"] for row in rows}

    async def insert_questions(self, tx: Tx, questions: list[QuestionWrite]) -> int:
        if not questions:
            return 0
        return await tx.execute(INSERT_QUESTIONS, {"rows": _rows(questions)})

    async def update_questions(self, tx: Tx, questions: list[QuestionWrite]) -> int:
        if not questions:
            return 0
        return await tx.execute(UPDATE_QUESTIONS, {"rows": _rows(questions)})

    async def refresh_planner_statistics(self, tx: Tx) -> None:
        """After new questions: the planner must know how many there are. Right after a first load its
        statistics still say "a few rows" (autovacuum analyzes later), and the training selection
        query then picks nested loops that cost ten times as much."""
        await tx.execute("ANALYZE questions, themes, sources, subjects")


def _rows(questions: list[QuestionWrite]) -> Json:
    return Json([q.model_dump(mode="json") for q in questions])
