"""Mailing recipients: per-recipient state with leases, so several processes share one mailing and a
restart resumes it without sending anyone a second message.

A worker claims a batch of pending rows (FOR UPDATE SKIP LOCKED, a lease with an expiry), marks the
few it is about to send as `sending` in their own commit, sends, then records the outcomes. Every
write checks the lease owner, so a worker whose lease was taken over cannot send or record.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from storage.postgres.tx import Tx

MATERIALIZE = """
    INSERT INTO mailing_recipients (mailing_id, user_id, chat_id)
    SELECT %(mailing_id)s, u.id, u.telegram_id FROM ({segment}) AS u
    ON CONFLICT DO NOTHING
"""
# A `sending` row of an expired lease: its process died mid-send. It may have been delivered, so
# it is never sent again (no duplicates); it is counted as interrupted.
REAP = """
    UPDATE mailing_recipients SET state = 'interrupted', error = 'the sending process stopped mid-send',
                                  attempted_at = now(), lease_owner = NULL, lease_until = NULL
    WHERE mailing_id = %(mailing_id)s AND state = 'sending' AND lease_until < now()
"""
CLAIM = """
    UPDATE mailing_recipients AS r SET lease_owner = %(owner)s, lease_until = now() + make_interval(secs => %(lease)s)
    FROM (SELECT mailing_id, user_id FROM mailing_recipients
          WHERE mailing_id = %(mailing_id)s AND state = 'pending'
            -- free, expired, or ours already (a worker of ours that failed; one runs per mailing)
            AND (lease_until IS NULL OR lease_until < now() OR lease_owner = %(owner)s)
          ORDER BY user_id LIMIT %(limit)s FOR UPDATE SKIP LOCKED) AS free, users AS u
    WHERE r.mailing_id = free.mailing_id AND r.user_id = free.user_id AND u.id = r.user_id
    RETURNING r.user_id, r.chat_id, u.bot_blocked
"""
EXTEND = """
    UPDATE mailing_recipients SET lease_until = now() + make_interval(secs => %(lease)s)
    WHERE mailing_id = %(mailing_id)s AND lease_owner = %(owner)s AND state IN ('pending', 'sending')
"""
# The in-flight marker, committed before the send; only while the mailing still runs.
MARK_SENDING = """
    UPDATE mailing_recipients SET state = 'sending', lease_until = now() + make_interval(secs => %(lease)s)
    WHERE mailing_id = %(mailing_id)s AND user_id = ANY(%(user_ids)s) AND lease_owner = %(owner)s
      AND state = 'pending'
      AND EXISTS (SELECT 1 FROM mailings WHERE id = %(mailing_id)s AND status = 'running')
    RETURNING user_id
"""
RECORD = """
    UPDATE mailing_recipients AS r
    SET state = o.state, error = o.error, attempted_at = CASE WHEN o.state = 'pending' THEN NULL ELSE now() END,
        -- `pending` (a 429: not delivered) stays ours to try again after the pause
        lease_owner = CASE WHEN o.state = 'pending' THEN r.lease_owner END,
        lease_until = CASE WHEN o.state = 'pending' THEN r.lease_until END
    FROM unnest(%(user_ids)s::bigint[], %(states)s::text[], %(errors)s::text[]) AS o (user_id, state, error)
    WHERE r.mailing_id = %(mailing_id)s AND r.user_id = o.user_id AND r.lease_owner = %(owner)s
      AND r.state = %(from_state)s
    RETURNING r.user_id, r.state
"""
RELEASE = """
    UPDATE mailing_recipients SET lease_owner = NULL, lease_until = NULL
    WHERE mailing_id = %(mailing_id)s AND lease_owner = %(owner)s AND state = 'pending'
"""
MARK_BOT_BLOCKED = "UPDATE users SET bot_blocked = true WHERE id = ANY(%(user_ids)s) AND NOT bot_blocked"
SET_BOT_BLOCKED = "UPDATE users SET bot_blocked = %(blocked)s WHERE telegram_id = %(telegram_id)s"


class ClaimedRecipient(BaseModel):
    model_config = ConfigDict(frozen=True)

    user_id: int
    chat_id: int
    bot_blocked: bool


class Outcome(BaseModel):
    model_config = ConfigDict(frozen=True)

    user_id: int
    state: str  # sent | failed | blocked | pending (not delivered: try again later)
    error: str | None = None


class RecipientsRepository:
    async def materialize(self, tx: Tx, mailing_id: int, segment_sql: str, params: dict) -> int:
        """Adds the segment's users (rows of id, telegram_id) as pending recipients; returns how many."""
        return await tx.execute(MATERIALIZE.format(segment=segment_sql), {**params, "mailing_id": mailing_id})

    async def reap(self, tx: Tx, mailing_id: int) -> int:
        return await tx.execute(REAP, {"mailing_id": mailing_id})

    async def claim(self, tx: Tx, mailing_id: int, owner: str, limit: int, lease: float) -> list[ClaimedRecipient]:
        rows = await tx.fetchall(CLAIM, {"mailing_id": mailing_id, "owner": owner, "limit": limit, "lease": lease})
        return sorted((ClaimedRecipient.model_validate(r) for r in rows), key=lambda r: r.user_id)

    async def extend(self, tx: Tx, mailing_id: int, owner: str, lease: float) -> int:
        return await tx.execute(EXTEND, {"mailing_id": mailing_id, "owner": owner, "lease": lease})

    async def mark_sending(self, tx: Tx, mailing_id: int, owner: str, user_ids: list[int],
                           lease: float) -> set[int]:
        rows = await tx.fetchall(MARK_SENDING, {"mailing_id": mailing_id, "owner": owner,
                                                "user_ids": user_ids, "lease": lease})
        return {row["user_id"] for row in rows}

    async def record(self, tx: Tx, mailing_id: int, owner: str, outcomes: list[Outcome], *,
                     from_state: str = "sending") -> dict[int, str]:
        """Applies outcomes to rows still leased by `owner` in `from_state`; returns user_id -> state."""
        if not outcomes:
            return {}
        rows = await tx.fetchall(RECORD, {
            "mailing_id": mailing_id, "owner": owner, "from_state": from_state,
            "user_ids": [o.user_id for o in outcomes], "states": [o.state for o in outcomes],
            "errors": [o.error for o in outcomes]})
        return {row["user_id"]: row["state"] for row in rows}

    async def release(self, tx: Tx, mailing_id: int, owner: str) -> int:
        return await tx.execute(RELEASE, {"mailing_id": mailing_id, "owner": owner})

    async def mark_bot_blocked(self, tx: Tx, user_ids: list[int]) -> None:
        if user_ids:
            await tx.execute(MARK_BOT_BLOCKED, {"user_ids": user_ids})

    async def set_bot_blocked(self, tx: Tx, telegram_id: int, blocked: bool) -> int:
        return await tx.execute(SET_BOT_BLOCKED, {"telegram_id": telegram_id, "blocked": blocked})
