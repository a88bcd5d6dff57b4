"""The relay's side of the outbox table (migration 0011): claims, deletes done rows, releases failed
ones. Writing events is every concern's, in its own transactions (outbox_sql.py). See
sql/postgres/0011_outbox.sql for the life of a row."""
from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from storage.postgres.instance_lock import LIVE_KEYS
from storage.postgres.tx import Tx

CLAIM_LOCK = "SELECT pg_advisory_xact_lock(hashtext('apo_outbox_claim'))"
# Free rows in id order (never claimed, released, claimed by an instance that is gone, or claimed by
# this one and not being delivered: its commit's answer was lost with the connection), except
# those behind an older row of the same user that a live instance holds, that waits for its retry,
# or that is being retried (it goes alone: if it fails again, nothing of its user overtakes it).
# Per-user order holds across instances.
CLAIM = f"""
    WITH live AS ({LIVE_KEYS}), candidates AS (
        SELECT id, user_key FROM outbox
        WHERE NOT dead AND available_at <= now()
          AND (claimed_by IS NULL OR claimed_by NOT IN (SELECT key FROM live)
               OR (claimed_by = %(me)s AND NOT id = ANY(%(in_flight)s::bigint[])))
          AND %(me)s IN (SELECT key FROM live)  -- a claimer that lost its lock claims nothing
        ORDER BY id LIMIT %(limit)s
    )
    UPDATE outbox o SET claimed_by = %(me)s
    FROM candidates c
    WHERE o.id = c.id AND NOT EXISTS (
        SELECT 1 FROM outbox older
        WHERE older.user_key = c.user_key AND older.id < c.id AND NOT older.dead
          AND (older.claimed_by IN (SELECT key FROM live) OR older.available_at > now() OR older.attempts > 0))
    RETURNING o.id, o.event_id, o.user_key, o.event_type, o.payload, o.pending, o.attempts, o.created_at
"""
DELETE_DONE = "DELETE FROM outbox WHERE id = ANY(%(ids)s)"
RELEASE = """
    UPDATE outbox SET claimed_by = NULL, attempts = attempts + 1,
                      available_at = now() + %(delay)s * interval '1 second',
                      pending = %(pending)s, last_error = %(error)s, dead = %(dead)s
    WHERE id = %(id)s
"""
DEAD_ROWS = """
    SELECT id, event_type, user_key, attempts, last_error, created_at FROM outbox
    WHERE dead ORDER BY id LIMIT %(limit)s
"""
# After the bug is fixed: the dead rows are relayed again, from their first subscriber that failed.
REVIVE = "UPDATE outbox SET dead = false, attempts = 0, available_at = now() WHERE dead"
UNCLAIM = "UPDATE outbox SET claimed_by = NULL WHERE id = ANY(%(ids)s)"
STATUS = """
    SELECT count(*) FILTER (WHERE NOT dead) AS backlog, count(*) FILTER (WHERE dead) AS dead,
           min(created_at) FILTER (WHERE NOT dead) AS oldest, now() AS now
    FROM outbox
"""


class ClaimedRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    event_id: UUID
    user_key: int
    event_type: str
    payload: dict[str, Any]
    pending: list[str] | None
    attempts: int
    created_at: datetime


class OutboxStatusRow(BaseModel):
    backlog: int
    dead: int
    oldest: datetime | None
    now: datetime


class OutboxRepository:
    async def claim(self, tx: Tx, me: int, limit: int, in_flight: list[int]) -> list[ClaimedRow]:
        """in_flight: the rows this instance is delivering (never claimed twice)."""
        await tx.execute(CLAIM_LOCK)  # claims are short; one at a time keeps per-user order exact
        rows = await tx.fetchall(CLAIM, {"me": me, "limit": limit, "in_flight": in_flight})
        return sorted((ClaimedRow.model_validate(r) for r in rows), key=lambda r: r.id)

    async def delete_done(self, tx: Tx, ids: list[int]) -> int:
        return await tx.execute(DELETE_DONE, {"ids": ids})

    async def release(self, tx: Tx, row_id: int, *, delay: float, pending: list[str] | None, error: str,
                      dead: bool) -> None:
        await tx.execute(RELEASE, {"id": row_id, "delay": delay, "pending": pending, "error": error[:500],
                                   "dead": dead})

    async def unclaim(self, tx: Tx, ids: list[int]) -> None:
        await tx.execute(UNCLAIM, {"ids": ids})

    async def dead_rows(self, tx: Tx, limit: int) -> list[dict[str, Any]]:
        return await tx.fetchall(DEAD_ROWS, {"limit": limit})

    async def revive(self, tx: Tx) -> int:
        return await tx.execute(REVIVE)

    async def status(self, tx: Tx) -> OutboxStatusRow:
        return OutboxStatusRow.model_validate(await tx.fetchone(STATUS))
