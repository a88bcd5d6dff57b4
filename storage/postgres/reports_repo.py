"""Question reports: "there is a mistake in this question", kept for admins."""
from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from storage.postgres.tx import Tx

REPORT_SELECT = """
    SELECT r.id, r.user_id, r.question_id, q.external_id, r.text, r.status, r.created_at,
           r.resolved_at, r.resolved_by, r.note
    FROM question_reports r JOIN questions q ON q.id = r.question_id
"""
ADD = """
    INSERT INTO question_reports (user_id, question_id, text, created_at)
    VALUES (%(user_id)s, %(question_id)s, %(text)s, %(now)s) RETURNING id
"""
GET = REPORT_SELECT + " WHERE r.id = %(id)s"
LIST = REPORT_SELECT + """
    WHERE (%(status)s::text IS NULL OR r.status = %(status)s::text)
    ORDER BY r.created_at, r.id LIMIT %(limit)s OFFSET %(offset)s
"""
RESOLVE = """
    UPDATE question_reports SET status = %(status)s, resolved_at = %(now)s, resolved_by = %(by)s,
                                note = %(note)s
    WHERE id = %(id)s
"""


class ReportRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    user_id: int
    question_id: int
    external_id: str
    text: str
    status: str
    created_at: datetime
    resolved_at: datetime | None
    resolved_by: int | None
    note: str | None


class ReportsRepository:
    async def add(self, tx: Tx, user_id: int, question_id: int, text: str, now: datetime) -> ReportRecord:
        report_id = await tx.fetchval(ADD, {"user_id": user_id, "question_id": question_id,
                                            "text": text, "now": now})
        return await self.get(tx, report_id)  # type: ignore[return-value]

    async def get(self, tx: Tx, report_id: int) -> ReportRecord | None:
        row = await tx.fetchone(GET, {"id": report_id})
        return ReportRecord.model_validate(row) if row else None

    async def list(self, tx: Tx, status: str | None, limit: int, offset: int) -> list[ReportRecord]:
        rows = await tx.fetchall(LIST, {"status": status, "limit": limit, "offset": offset})
        return [ReportRecord.model_validate(r) for r in rows]

    async def resolve(self, tx: Tx, report_id: int, *, status: str, by: int | None, note: str | None,
                      now: datetime) -> ReportRecord | None:
        await tx.execute(RESOLVE, {"id": report_id, "status": status, "by": by, "note": note, "now": now})
        return await self.get(tx, report_id)
