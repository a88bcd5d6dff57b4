"""The mailing's durable bookkeeping: each step below is one short transaction.

The order of the commits is what makes a restart safe: a recipient is marked `sending` (committed)
before its message goes to Telegram, and its outcome is recorded after. A crash in between leaves a
`sending` row, which is reaped as `interrupted` once its lease expires and is never sent again.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from actors.mailing.messages import MailingFinished, MailingMessageFailed, MailingMessageSent
from actors.runtime import Event
from storage.postgres import Database
from storage.postgres.mailing_repo import MailingRecord, MailingRepository
from storage.postgres.mailing_segments import count_segment, segment_sql
from storage.postgres.recipients_repo import (
    ClaimedRecipient,
    Outcome,
    RecipientsRepository,
)


def audience_sql(segment: dict[str, Any], created_by: int | None) -> tuple[str, dict[str, Any]]:
    values = dict(segment)
    kind = values.pop("kind")
    if kind == "only_me":
        values["user_id"] = created_by
    return segment_sql(kind, **values)


def outcome_event(mailing_id: int, user_id: int, state: str) -> Event:
    if state == "sent":
        return MailingMessageSent(mailing_id=mailing_id, user_id=user_id)
    return MailingMessageFailed(mailing_id=mailing_id, user_id=user_id, reason=state)


def finished_event(mailing: MailingRecord, status: str) -> MailingFinished:
    return MailingFinished(mailing_id=mailing.id, status=status, total=mailing.total, sent=mailing.sent,
                           failed=mailing.failed, blocked=mailing.blocked, interrupted=mailing.interrupted)


class MailingLedger:
    def __init__(self, database: Database, owner: str, lease: float) -> None:
        self._db = database
        self.owner = owner
        self.lease = lease
        self._mailings = MailingRepository()
        self._recipients = RecipientsRepository()

    async def audience(self, segment: dict[str, Any], created_by: int) -> int:
        async with self._db.transaction() as tx:
            return await count_segment(tx, *audience_sql(segment, created_by))

    async def materialize(self, mailing_id: int) -> None:
        """Chooses the recipients once (the row lock makes a second process wait, then skip)."""
        async with self._db.transaction() as tx:
            mailing = await self._mailings.get(tx, mailing_id, lock=True)
            if mailing is None or mailing.materialized:
                return
            sql, params = audience_sql(mailing.segment, mailing.created_by)
            total = await self._recipients.materialize(tx, mailing_id, sql, params)
            await self._mailings.set_total(tx, mailing_id, total)

    async def claim(self, mailing_id: int, limit: int) -> list[ClaimedRecipient] | None:
        """A batch leased to us; None when the mailing no longer runs. Reaps dead senders' rows first."""
        async with self._db.transaction() as tx:
            mailing = await self._mailings.get(tx, mailing_id)
            if mailing is None or mailing.status != "running":
                return None
            reaped = await self._recipients.reap(tx, mailing_id)
            await self._mailings.add_counts(tx, mailing_id, interrupted=reaped)
            return await self._recipients.claim(tx, mailing_id, self.owner, limit, self.lease)

    async def mark_sending(self, mailing_id: int, user_ids: list[int], *, renew: bool) -> set[int]:
        """The recipients we may send to now: still ours, still pending, the mailing still running."""
        async with self._db.transaction() as tx:
            if renew:
                await self._recipients.extend(tx, mailing_id, self.owner, self.lease)
            return await self._recipients.mark_sending(tx, mailing_id, self.owner, user_ids, self.lease)

    async def record(self, mailing_id: int, outcomes: list[Outcome], *, from_state: str = "sending") -> dict[int, str]:
        """Outcomes, counters, users.bot_blocked and their events together; the states actually applied."""
        async with self._db.transaction() as tx:
            applied = await self._recipients.record(tx, mailing_id, self.owner, outcomes, from_state=from_state)
            counts = Counter(applied.values())
            await self._mailings.add_counts(tx, mailing_id, sent=counts["sent"], failed=counts["failed"],
                                            blocked=counts["blocked"])
            await self._recipients.mark_bot_blocked(tx, [u for u, state in applied.items() if state == "blocked"])
            await tx.record_many([outcome_event(mailing_id, user_id, state) for user_id, state in applied.items()
                                  if state in ("sent", "blocked", "failed")])
        return applied

    async def still_running(self, mailing_id: int) -> bool:
        async with self._db.transaction() as tx:
            mailing = await self._mailings.get(tx, mailing_id)
        return mailing is not None and mailing.status == "running"

    async def finish_if_done(self, mailing_id: int) -> MailingRecord | None:
        async with self._db.transaction() as tx:
            done = await self._mailings.finish_if_done(tx, mailing_id)
            if done is not None:
                await tx.record(finished_event(done, "finished"))
            return done

    async def release(self, mailing_id: int) -> None:
        """Hands our unsent recipients back at once, so another process (or a restart) goes on."""
        async with self._db.transaction() as tx:
            await self._recipients.release(tx, mailing_id, self.owner)
