"""Read-only report queries for xlsx exports, streamed in constant memory.

Each export reads through a server-side cursor (DECLARE … FETCH FORWARD n) inside one read-only
transaction: a consistent snapshot, and never more than one batch of rows in this process, however
many rows (a million attempts) the query yields. These are reporting reads across concerns' tables;
nothing here writes.

The stream is the one place where storage hands out rows rather than models: a report's record class
names and orders its columns (and gives the sheet its headers), and the stream checks the query's
columns against it once, but a million rows are a million tuples. A dict per row and a pydantic
model validated from it cost close to a tenth of the export's time, for values the sheet writer
checks and converts anyway. The stream blocks (a connection of its own, not the asynchronous pool):
the export job reads and writes in one worker thread, which keeps the GIL hand-overs between the
event loop and that thread to the one-second heartbeat.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Any

import psycopg2
from pydantic import BaseModel

from storage.postgres.errors import StoreUnavailable
from storage.postgres.export_records import (
    AttemptRow,
    MailingResultRow,
    QuestionRow,
    StatisticsRow,
    UserRow,
)
from storage.postgres.tx import Tx

CURSOR = "apo_export"
_ATTEMPT_FILTER = """
    (%(subject)s::text IS NULL OR s.code = %(subject)s::text)
    AND (%(date_from)s::timestamptz IS NULL OR a.created_at >= %(date_from)s::timestamptz)
    AND (%(date_to)s::timestamptz IS NULL OR a.created_at < %(date_to)s::timestamptz)
"""
_ATTEMPT_JOINS = """
    FROM attempts AS a JOIN questions AS q ON q.id = a.question_id JOIN subjects AS s ON s.id = q.subject_id
"""


@dataclass(frozen=True)
class Report:
    select: str
    count: str
    record: type[BaseModel]


REPORTS: dict[str, Report] = {
    "users": Report("""
        SELECT u.id, u.telegram_id, u.email, u.display_name, u.grade, u.locale, u.is_admin, u.bot_blocked,
               u.created_at, COALESCE(st.attempts, 0) AS attempts, st.last_attempt_at
        FROM users AS u LEFT JOIN LATERAL (
            SELECT count(*) AS attempts, max(created_at) AS last_attempt_at FROM attempts WHERE user_id = u.id
        ) AS st ON true
        ORDER BY u.id""", "SELECT count(*) FROM users", UserRow),
    "attempts": Report(f"""
        SELECT a.id, a.created_at, a.user_id, u.display_name, s.code AS subject, t.name AS theme,
               q.external_id AS question, a.correct, a.score, a.points, a.max_points, a.elapsed_ms,
               a.channel, a.mode, jsonb_build_array(a.answer) ->> 0 AS answer  -- text, unquoted strings
        {_ATTEMPT_JOINS} JOIN themes AS t ON t.id = q.theme_id JOIN users AS u ON u.id = a.user_id
        WHERE {_ATTEMPT_FILTER}
        ORDER BY a.id""", f"SELECT count(*) {_ATTEMPT_JOINS} WHERE {_ATTEMPT_FILTER}", AttemptRow),
    "statistics": Report(f"""
        SELECT a.user_id, u.display_name, u.grade, s.code AS subject, count(*) AS attempts,
               count(*) FILTER (WHERE a.correct) AS correct,
               -- /stats/me's measure (correct ÷ attempts); the mean score (partial credit) beside it
               round((count(*) FILTER (WHERE a.correct))::numeric / count(*), 4)::float8 AS accuracy,
               round(avg(a.score)::numeric, 4)::float8 AS average_score,
               sum(a.points) AS points, sum(a.max_points) AS max_points,
               min(a.created_at) AS first_at, max(a.created_at) AS last_at
        {_ATTEMPT_JOINS} JOIN users AS u ON u.id = a.user_id
        WHERE {_ATTEMPT_FILTER}
        GROUP BY a.user_id, u.display_name, u.grade, s.code
        ORDER BY a.user_id, s.code""",
        f"SELECT count(*) FROM (SELECT DISTINCT a.user_id, s.code {_ATTEMPT_JOINS} WHERE {_ATTEMPT_FILTER}) AS x",
        StatisticsRow),
    "questions": Report("""
        SELECT q.id, q.external_id, s.code AS subject, t.name AS theme, q.type, q.difficulty, q.points, q.text,
               q.attempts_count, q.correct_count,
               (SELECT count(*) FROM question_reports AS r
                WHERE r.question_id = q.id AND r.status = 'open') AS open_reports,
               q.updated_at
        FROM questions AS q JOIN subjects AS s ON s.id = q.subject_id JOIN themes AS t ON t.id = q.theme_id
        WHERE %(subject)s::text IS NULL OR s.code = %(subject)s::text
        ORDER BY s.code, q.id""",
        """SELECT count(*) FROM questions AS q JOIN subjects AS s ON s.id = q.subject_id
           WHERE %(subject)s::text IS NULL OR s.code = %(subject)s::text""", QuestionRow),
    "mailing": Report("""
        SELECT r.user_id, u.display_name, r.chat_id, r.state, r.error, r.attempted_at
        FROM mailing_recipients AS r JOIN users AS u ON u.id = r.user_id
        WHERE r.mailing_id = %(mailing_id)s
        ORDER BY r.user_id""",
        "SELECT count(*) FROM mailing_recipients WHERE mailing_id = %(mailing_id)s", MailingResultRow),
}


def report_params(subject: str | None = None, date_from: datetime | None = None, date_to: datetime | None = None,
                  mailing_id: int | None = None) -> dict[str, Any]:
    """Every report takes the same parameter set; a filter left None does not filter."""
    return {"subject": subject, "date_from": date_from, "date_to": date_to, "mailing_id": mailing_id}


async def count_rows(tx: Tx, kind: str, params: dict[str, Any]) -> int:
    return int(await tx.fetchval(REPORTS[kind].count, params) or 0)


class ReportStream:
    """`with ReportStream(dsn, kind, params) as batches: for rows in batches: …` — lists of tuples in
    the report record's field order. Blocking: use it from one worker thread. `cancel()` may be called
    from any thread; it interrupts a running FETCH (the reading thread then gets StoreUnavailable)."""

    def __init__(self, dsn: str, kind: str, params: dict[str, Any], batch_size: int = 5000, *,
                 connect_timeout: int = 10, statement_timeout_ms: int = 120_000) -> None:
        self._dsn = dsn
        self._report = REPORTS[kind]
        self._params = params
        self._batch_size = int(batch_size)
        self._connect_timeout = connect_timeout
        self._statement_timeout_ms = int(statement_timeout_ms)  # per FETCH, not for the whole export
        self._conn: Any = None
        self._lock = threading.Lock()

    def __enter__(self) -> Iterator[list[tuple]]:
        try:
            conn = psycopg2.connect(self._dsn, connect_timeout=self._connect_timeout,
                                    options=f"-c statement_timeout={self._statement_timeout_ms} "
                                            "-c default_transaction_read_only=on",
                                    application_name="apo-export")
        except psycopg2.OperationalError as exc:
            raise StoreUnavailable(f"postgres: {type(exc).__name__}") from exc
        with self._lock:
            self._conn = conn
        return self._batches(conn)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        with self._lock:
            conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()  # ends the transaction and the cursor, however far the batches were read

    def cancel(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.cancel()

    def _batches(self, conn: Any) -> Iterator[list[tuple]]:
        cur = conn.cursor(name=CURSOR)  # DECLARE … CURSOR, then FETCH FORWARD batch_size
        try:
            cur.execute(self._report.select, self._params)
            rows = cur.fetchmany(self._batch_size)
            self._check_columns([column.name for column in cur.description or ()])
            while rows:
                yield rows
                rows = cur.fetchmany(self._batch_size)
        except (psycopg2.OperationalError, psycopg2.InterfaceError) as exc:
            raise StoreUnavailable(f"postgres: {type(exc).__name__}") from exc

    def _check_columns(self, columns: list[str]) -> None:
        fields = list(self._report.record.model_fields)
        if columns != fields:
            raise ValueError(f"the report's columns {columns} are not its record's fields {fields}")
