"""Writing events to the outbox (migration 0011), in the transaction of their fact: the one
statement for Tx.record, and the fragments a hot statement uses to write its event itself.
Every concern's statements use these; only the relay reads the table (outbox_repo.py)."""
from __future__ import annotations

from typing import Any

# A new row is claimed by its writer at once (delivered in process) unless an older row of the same
# user is not in this instance's hands or waits for a retry: then it waits for the poller, behind it.
_BLOCKED = """%(outbox_me)s::integer IS NULL OR EXISTS (
        SELECT 1 FROM outbox o WHERE o.user_key = {user_key} AND NOT o.dead
          AND (o.claimed_by IS DISTINCT FROM %(outbox_me)s::integer OR o.available_at > now()))"""
_CLAIMED_BY = "CASE WHEN b.blocked THEN NULL ELSE %(outbox_me)s::integer END"
RECORDED_COLUMNS = "id, event_id, created_at, claimed_by IS NOT NULL AS claimed"

INSERT_EVENT = f"""
    INSERT INTO outbox (user_key, event_type, payload, claimed_by)
    SELECT %(user_key)s, %(event_type)s, %(payload)s::jsonb, {_CLAIMED_BY}
    FROM (SELECT {_BLOCKED.format(user_key="%(user_key)s::bigint")}) AS b(blocked)
    RETURNING {RECORDED_COLUMNS}
"""

# Many events in one statement (a mailing's outcomes): rows keep the input's order, so their ids do.
INSERT_EVENTS = f"""
    INSERT INTO outbox (user_key, event_type, payload, claimed_by)
    SELECT e.user_key, e.event_type, e.payload, {_CLAIMED_BY}
    FROM unnest(%(user_keys)s::bigint[], %(event_types)s::text[], %(payloads)s::jsonb[])
             WITH ORDINALITY AS e(user_key, event_type, payload, n),
         LATERAL (SELECT {_BLOCKED.format(user_key="e.user_key")}) AS b(blocked)
    ORDER BY e.n
    RETURNING {RECORDED_COLUMNS}
"""


def record_cte(name: str, *, source: str, event_type: str, user_key: str, payload: str) -> str:
    """A CTE that writes one outbox row per row of `source`, for a statement that records its fact
    and its event at once (one round trip on the hot paths). `user_key` and `payload` are SQL
    expressions over `source`; the statement needs the parameters of `outbox_params`."""
    return f"""{name} AS (
        INSERT INTO outbox (user_key, event_type, payload, claimed_by)
        SELECT {user_key}, '{event_type}', {payload}, {_CLAIMED_BY}
        FROM {source}, LATERAL (SELECT {_BLOCKED.format(user_key=user_key)}) AS b(blocked)
        RETURNING {RECORDED_COLUMNS}
    )"""


# What a statement with record_cte("outbox", …) selects of its outbox row, and how to take it out.
RECORDED_SELECT = ("outbox.id AS outbox_id, outbox.event_id AS outbox_event_id, "
                   "outbox.created_at AS outbox_created_at, outbox.claimed AS outbox_claimed")


def patched(param: str = "event", **fields: str) -> str:
    """A payload written in Python (the event as JSON in %(param)s) with the fields only the
    statement knows (ids it generates) put in by SQL: patched(attempt_id="a.id")."""
    pairs = ", ".join(f"'{name}', {expression}" for name, expression in fields.items())
    return f"%({param})s::jsonb || jsonb_build_object({pairs})"


def take_recorded(row: dict[str, Any]) -> dict[str, Any] | None:
    """Pops RECORDED_SELECT's columns; None when the statement wrote no outbox row."""
    recorded = {name: row.pop(f"outbox_{name}", None) for name in ("id", "event_id", "created_at", "claimed")}
    return recorded if recorded["id"] is not None else None


