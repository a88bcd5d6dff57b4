"""The poller: claims free outbox rows in id order and hands them to the relay.

Free rows are those written by an instance that does not relay (a CLI command), written behind an
older row of the same user, released after a failed delivery (once their retry time came), or left
behind by an instance that died (its liveness lock went with it). Claims are made under one advisory lock:
they take milliseconds and are rare, and one claimer at a time is what lets the claim see each
user's oldest waiting row and keep per-user order exact across instances (FOR UPDATE SKIP LOCKED
alone would let two instances split one user's rows between them).
"""
from __future__ import annotations

from loguru import logger
from pydantic import ValidationError

from actors.outbox.relay import Relay
from storage.postgres import Database, StoreUnavailable
from storage.postgres.outbox_repo import ClaimedRow, OutboxRepository


async def poll(relay: Relay, database: Database) -> None:
    """Until relay.poll_ticker.stop()."""
    repo, options = OutboxRepository(), relay.options
    while await relay.poll_ticker.wait():
        if relay.in_flight >= options.max_in_flight:
            continue
        try:
            async with database.transaction() as tx:
                rows = await repo.claim(tx, relay.key, options.claim_size, relay.held_ids())
        except StoreUnavailable:
            continue  # the next round tries again; nothing is lost meanwhile
        for row in rows:
            _hand_over(relay, row)
        if len(rows) == options.claim_size:
            relay.poll_ticker.wake()  # more are waiting: go on at once


def _hand_over(relay: Relay, row: ClaimedRow) -> None:
    event_type = relay.event_type(row.event_type)
    try:
        if event_type is None:
            raise LookupError(f"no event named {row.event_type}")
        event = event_type.model_validate(row.payload)
    except (LookupError, ValidationError) as error:  # a bug or a rolled-back deploy: keep it for a human
        logger.error("outbox row {}: cannot rebuild {} ({}); kept as dead", row.id, row.event_type,
                     type(error).__name__)
        relay.writes().release(row.id, row.user_key, row.pending or [], f"undecodable: {type(error).__name__}",
                               transient=False, attempts=relay.options.max_attempts)
        return
    relay.dispatch(row.id, row.event_id, row.created_at, event, attempts=row.attempts, only=row.pending,
                   polled=True)
