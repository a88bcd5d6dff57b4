"""Export jobs: what was asked, how far it got, where the file is. A running job beats a heartbeat
(updated_at); one silent for too long belonged to a process that stopped and reads as failed."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from psycopg2.extras import Json
from pydantic import BaseModel, ConfigDict

from storage.postgres.tx import Tx

JOB_COLUMNS = """id, requested_by, kind, params, status, rows_total, rows_written, file_name, file_bytes, error,
                 created_at, updated_at, finished_at"""
# A mailing's results can only be exported for a mailing that exists (else the file is just empty).
CREATE = f"""
    INSERT INTO export_jobs (requested_by, kind, params)
    SELECT %(by)s, %(kind)s, %(params)s
    WHERE %(mailing_id)s::bigint IS NULL OR EXISTS (SELECT 1 FROM mailings WHERE id = %(mailing_id)s::bigint)
    RETURNING {JOB_COLUMNS}
"""
GET = f"SELECT {JOB_COLUMNS} FROM export_jobs WHERE id = %(id)s"
SET_TOTAL = "UPDATE export_jobs SET rows_total = %(total)s, updated_at = now() WHERE id = %(id)s"
PROGRESS = "UPDATE export_jobs SET rows_written = %(rows)s, updated_at = now() WHERE id = %(id)s"
FINISH = """
    UPDATE export_jobs SET status = 'done', rows_written = %(rows)s, file_name = %(file_name)s,
                           file_bytes = %(bytes)s, updated_at = now(), finished_at = now()
    WHERE id = %(id)s AND status = 'running'
"""
FAIL = """
    UPDATE export_jobs SET status = 'failed', error = %(error)s, updated_at = now(), finished_at = now()
    WHERE id = %(id)s AND status = 'running'
"""
FAIL_STALE = """
    UPDATE export_jobs SET status = 'failed', error = 'interrupted: the exporting process stopped',
                           finished_at = now()
    WHERE status = 'running' AND updated_at < now() - make_interval(secs => %(seconds)s)
"""


class ExportJobRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    requested_by: int | None
    kind: str
    params: dict[str, Any]
    status: str
    rows_total: int | None
    rows_written: int
    file_name: str | None
    file_bytes: int | None
    error: str | None
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None


class ExportJobsRepository:
    async def create(self, tx: Tx, requested_by: int, kind: str, params: dict[str, Any]) -> ExportJobRecord | None:
        """None when params name a mailing that does not exist."""
        row = await tx.fetchone(CREATE, {"by": requested_by, "kind": kind, "params": Json(params),
                                         "mailing_id": params.get("mailing_id")})
        return ExportJobRecord.model_validate(row) if row else None

    async def get(self, tx: Tx, job_id: int) -> ExportJobRecord | None:
        row = await tx.fetchone(GET, {"id": job_id})
        return ExportJobRecord.model_validate(row) if row else None

    async def set_total(self, tx: Tx, job_id: int, total: int) -> None:
        await tx.execute(SET_TOTAL, {"id": job_id, "total": total})

    async def progress(self, tx: Tx, job_id: int, rows: int) -> None:
        await tx.execute(PROGRESS, {"id": job_id, "rows": rows})

    async def finish(self, tx: Tx, job_id: int, rows: int, file_name: str, size: int) -> None:
        await tx.execute(FINISH, {"id": job_id, "rows": rows, "file_name": file_name, "bytes": size})

    async def fail(self, tx: Tx, job_id: int, error: str) -> None:
        await tx.execute(FAIL, {"id": job_id, "error": error[:500]})

    async def fail_stale(self, tx: Tx, seconds: float) -> int:
        return await tx.execute(FAIL_STALE, {"seconds": seconds})
