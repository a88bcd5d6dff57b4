"""Bulk data for export tests, written straight in SQL (200,000 attempts in seconds)."""
from __future__ import annotations

import aiopg

FORMULA_NAME = "=HYPERLINK(\"http://evil.example\",\"click\")"
SEED_TIMEOUT = 900.0  # a million attempts (the export bench) can take over a minute: aiopg's default is 60 s


async def _execute(dsn: str, statement: str, params: object = None) -> None:
    async with aiopg.connect(dsn, timeout=SEED_TIMEOUT) as conn, conn.cursor() as cur:
        await cur.execute(statement, params)


async def seed_attempts(dsn: str, attempts: int, users: int = 1000) -> None:
    """`attempts` economics attempts in 2026, plus 5% geography (2026) and 5% economics (2025) that a
    filter on economics and 2026 leaves out. Some names and answers look like formulas."""
    await _execute(dsn, """
        INSERT INTO subjects (code, name) VALUES ('economics', 'Экономика'), ('geography', 'География');
        INSERT INTO themes (subject_id, name) SELECT id, 'Спрос и предложение' FROM subjects;
        INSERT INTO questions (external_id, subject_id, theme_id, type, text, correct_answer, explanation,
                               difficulty, points, content_hash)
        SELECT s.code || '-' || g, s.id, t.id, 'open', '-Вопрос ' || g, '"x"', 'Пояснение', 2, 3, 'h'
        FROM subjects AS s JOIN themes AS t ON t.subject_id = s.id, generate_series(1, 10) AS g
        ORDER BY s.id, g;
        INSERT INTO users (telegram_id, display_name, grade)
        SELECT 900000 + g, CASE WHEN g %% 7 = 0 THEN %(formula)s ELSE 'Ученик ' || g END, '9'
        FROM generate_series(1, %(users)s) AS g;
        INSERT INTO training_sessions (user_id, channel) SELECT id, 'bot' FROM users ORDER BY id;
    """, {"formula": FORMULA_NAME, "users": users})
    # The history triggers (migration 0008) would upsert one of a few thousand rows per inserted row,
    # all in one transaction: every update adds a row version the next one walks past (a million
    # attempts took over 15 minutes). Off for the bulk insert; the migration's own recount fills it.
    await _execute(dsn, """
        ALTER TABLE served_questions DISABLE TRIGGER served_questions_history;
        ALTER TABLE attempts DISABLE TRIGGER attempts_history;
        WITH base AS (SELECT (SELECT min(id) FROM users) AS u0, (SELECT min(id) FROM training_sessions) AS s0,
                             (SELECT min(q.id) FROM questions q JOIN subjects s ON s.id = q.subject_id
                              WHERE s.code = 'economics') AS econ,
                             (SELECT min(q.id) FROM questions q JOIN subjects s ON s.id = q.subject_id
                              WHERE s.code = 'geography') AS geo)
        INSERT INTO served_questions (user_id, question_id, session_id, channel, served_at)
        SELECT u0 + g %% %(users)s, CASE WHEN g >= %(n)s AND g < %(n)s * 21 / 20 THEN geo ELSE econ END + g %% 10,
               s0 + g %% %(users)s, 'bot',
               CASE WHEN g >= %(n)s * 21 / 20 THEN timestamptz '2025-06-01 12:00+00'
                    ELSE timestamptz '2026-01-01 00:00+00' + g * interval '7 seconds' END
        FROM base, generate_series(0, %(n)s * 11 / 10 - 1) AS g;
        INSERT INTO attempts (served_id, user_id, question_id, answer, correct, score, points, max_points,
                              elapsed_ms, channel, mode, created_at)
        SELECT id, user_id, question_id,
               CASE id %% 4 WHEN 0 THEN to_jsonb('=1+2'::text) WHEN 1 THEN to_jsonb('@SUM(A1)'::text)
                             WHEN 2 THEN to_jsonb(true) ELSE to_jsonb(id) END,
               id %% 3 = 0, CASE WHEN id %% 3 = 0 THEN 1 ELSE 0 END, CASE WHEN id %% 3 = 0 THEN 3 ELSE 0 END, 3,
               1000 + id %% 5000, 'bot', 'training', served_at
        FROM served_questions;
        ALTER TABLE served_questions ENABLE TRIGGER served_questions_history;
        ALTER TABLE attempts ENABLE TRIGGER attempts_history;
        SELECT recount_question_history(user_id, question_id)
        FROM (SELECT DISTINCT user_id, question_id FROM served_questions) AS pairs;
    """, {"n": attempts, "users": users})
