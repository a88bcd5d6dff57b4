"""Mailings: the message, its segment, its status and its progress counters (one row each)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from psycopg2.extras import Json
from pydantic import BaseModel, ConfigDict

from storage.postgres.tx import Tx

MAILING_COLUMNS = """id, created_by, text, photo, segment, status, materialized, total, sent, failed, blocked,
                     interrupted, created_at, started_at, finished_at"""
CREATE = f"""
    INSERT INTO mailings (created_by, text, photo, segment) VALUES (%(by)s, %(text)s, %(photo)s, %(segment)s)
    RETURNING {MAILING_COLUMNS}
"""
GET = f"SELECT {MAILING_COLUMNS} FROM mailings WHERE id = %(id)s"
LOCK = f"SELECT {MAILING_COLUMNS} FROM mailings WHERE id = %(id)s FOR UPDATE"
LIST = f"SELECT {MAILING_COLUMNS} FROM mailings ORDER BY id DESC LIMIT %(limit)s OFFSET %(offset)s"
RUNNING_IDS = "SELECT id FROM mailings WHERE status = 'running' ORDER BY id"
# A status change only from the states it may follow; None back means "not allowed now".
TRANSITION = f"""
    UPDATE mailings SET status = %(to)s, updated_at = now(),
                        started_at = CASE WHEN %(to)s = 'running' THEN COALESCE(started_at, now())
                                          ELSE started_at END,
                        finished_at = CASE WHEN %(to)s IN ('cancelled', 'finished') THEN now() END
    WHERE id = %(id)s AND status = ANY(%(from)s)
    RETURNING {MAILING_COLUMNS}
"""
SET_TOTAL = "UPDATE mailings SET materialized = true, total = %(total)s, updated_at = now() WHERE id = %(id)s"
# Finished once no recipient is pending or in flight any more.
FINISH_IF_DONE = f"""
    UPDATE mailings SET status = 'finished', finished_at = now(), updated_at = now()
    WHERE id = %(id)s AND status = 'running' AND materialized AND NOT EXISTS (
        SELECT 1 FROM mailing_recipients
        WHERE mailing_id = %(id)s AND state IN ('pending', 'sending'))
    RETURNING {MAILING_COLUMNS}
"""
ADD_COUNTS = """
    UPDATE mailings SET sent = sent + %(sent)s, failed = failed + %(failed)s, blocked = blocked + %(blocked)s,
                        interrupted = interrupted + %(interrupted)s, updated_at = now()
    WHERE id = %(id)s
"""
# Telegram calls (any outcome) in the last `seconds`: the achieved rate, across instances.
RECENT_ATTEMPTS = """
    SELECT count(*) FROM mailing_recipients
    WHERE mailing_id = %(id)s AND attempted_at > now() - make_interval(secs => %(seconds)s)
"""


class MailingRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    created_by: int | None
    text: str
    photo: str | None
    segment: dict[str, Any]
    status: str
    materialized: bool
    total: int
    sent: int
    failed: int
    blocked: int
    interrupted: int
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


def _record(row: dict | None) -> MailingRecord | None:
    return MailingRecord.model_validate(row) if row else None


class MailingRepository:
    async def create(self, tx: Tx, *, created_by: int, text: str, photo: str | None,
                     segment: dict[str, Any]) -> MailingRecord:
        row = await tx.fetchone(CREATE, {"by": created_by, "text": text, "photo": photo, "segment": Json(segment)})
        return MailingRecord.model_validate(row)

    async def get(self, tx: Tx, mailing_id: int, *, lock: bool = False) -> MailingRecord | None:
        return _record(await tx.fetchone(LOCK if lock else GET, {"id": mailing_id}))

    async def list(self, tx: Tx, limit: int, offset: int) -> list[MailingRecord]:
        return [MailingRecord.model_validate(r) for r in await tx.fetchall(LIST, {"limit": limit, "offset": offset})]

    async def running_ids(self, tx: Tx) -> list[int]:
        return [row["id"] for row in await tx.fetchall(RUNNING_IDS)]

    async def transition(self, tx: Tx, mailing_id: int, allowed_from: tuple[str, ...],
                         to: str) -> MailingRecord | None:
        return _record(await tx.fetchone(TRANSITION, {"id": mailing_id, "from": list(allowed_from), "to": to}))

    async def set_total(self, tx: Tx, mailing_id: int, total: int) -> None:
        await tx.execute(SET_TOTAL, {"id": mailing_id, "total": total})

    async def finish_if_done(self, tx: Tx, mailing_id: int) -> MailingRecord | None:
        return _record(await tx.fetchone(FINISH_IF_DONE, {"id": mailing_id}))

    async def add_counts(self, tx: Tx, mailing_id: int, *, sent: int = 0, failed: int = 0, blocked: int = 0,
                         interrupted: int = 0) -> None:
        if sent or failed or blocked or interrupted:
            await tx.execute(ADD_COUNTS, {"id": mailing_id, "sent": sent, "failed": failed, "blocked": blocked,
                                          "interrupted": interrupted})

    async def recent_attempts(self, tx: Tx, mailing_id: int, seconds: float) -> int:
        return int(await tx.fetchval(RECENT_ATTEMPTS, {"id": mailing_id, "seconds": seconds}) or 0)
