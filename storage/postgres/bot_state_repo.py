"""Update claims and dialog state of the bot, shared by every instance."""
from __future__ import annotations

import json
from typing import Any

from storage.postgres.tx import Tx

# The claim and the sender's recent updates in one statement (the count cannot see the row being
# inserted: it is added when the claim is new).
CLAIM_UPDATE = """
    WITH claimed AS (
        INSERT INTO telegram_updates (update_id, user_id) VALUES (%(update_id)s, %(user_id)s)
        ON CONFLICT (update_id) DO NOTHING
        RETURNING update_id
    )
    SELECT EXISTS (SELECT 1 FROM claimed) AS first,
           (SELECT count(*) FROM telegram_updates
            WHERE %(user_id)s::bigint IS NOT NULL AND user_id = %(user_id)s::bigint
              AND received_at > now() - make_interval(secs => %(window)s)) AS earlier
"""
FORGET_OLD_UPDATES = "DELETE FROM telegram_updates WHERE received_at < now() - %(age)s::interval"
GET_DIALOG = "SELECT state, data FROM bot_dialogs WHERE key = %(key)s"
SET_STATE = """
    INSERT INTO bot_dialogs (key, state) VALUES (%(key)s, %(state)s)
    ON CONFLICT (key) DO UPDATE SET state = EXCLUDED.state, updated_at = now()
"""
SET_DATA = """
    INSERT INTO bot_dialogs (key, data) VALUES (%(key)s, %(data)s::jsonb)
    ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data, updated_at = now()
"""


class BotStateRepository:
    async def claim_update(self, tx: Tx, update_id: int, user_id: int | None, window: float) -> tuple[bool, int]:
        """Whether the claim is new, and the sender's updates within the window (this one included)."""
        row = await tx.fetchone(CLAIM_UPDATE, {"update_id": update_id, "user_id": user_id, "window": window})
        return row["first"], row["earlier"] + int(row["first"])

    async def forget_updates_older_than(self, tx: Tx, age: str) -> int:
        return await tx.execute(FORGET_OLD_UPDATES, {"age": age})

    async def dialog(self, tx: Tx, key: str) -> tuple[str | None, dict[str, Any]]:
        row = await tx.fetchone(GET_DIALOG, {"key": key})
        return (row["state"], row["data"]) if row else (None, {})

    async def set_state(self, tx: Tx, key: str, state: str | None) -> None:
        await tx.execute(SET_STATE, {"key": key, "state": state})

    async def set_data(self, tx: Tx, key: str, data: dict[str, Any]) -> None:
        await tx.execute(SET_DATA, {"key": key, "data": json.dumps(data, ensure_ascii=False)})
