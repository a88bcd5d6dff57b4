"""Granting and revoking admin rights (for `apo admin grant|revoke`)."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from storage.postgres.tx import Tx

SET_ADMIN = """
    UPDATE users SET is_admin = %(admin)s, updated_at = now()
    WHERE (%(email)s::text IS NOT NULL AND lower(email) = lower(%(email)s::text))
       OR (%(telegram_id)s::bigint IS NOT NULL AND telegram_id = %(telegram_id)s::bigint)
    RETURNING id, display_name, email, telegram_id, is_admin
"""


class AdminRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    display_name: str
    email: str | None
    telegram_id: int | None
    is_admin: bool


class AdminsRepository:
    async def set_admin(self, tx: Tx, *, admin: bool, email: str | None = None,
                        telegram_id: int | None = None) -> AdminRecord | None:
        if (email is None) == (telegram_id is None):
            raise ValueError("give exactly one of email and telegram_id")
        row = await tx.fetchone(SET_ADMIN, {"admin": admin, "email": email, "telegram_id": telegram_id})
        return AdminRecord.model_validate(row) if row else None
