"""Users: the rows behind both platforms' accounts."""
from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from storage.postgres.tx import Tx

USER_COLUMNS = """id, telegram_id, email, password_hash, display_name, grade, locale, timezone,
                  is_admin, created_at"""

GET_BY_ID = f"SELECT {USER_COLUMNS} FROM users WHERE id = %(id)s"
GET_BY_TELEGRAM = f"SELECT {USER_COLUMNS} FROM users WHERE telegram_id = %(telegram_id)s"
GET_BY_EMAIL = f"SELECT {USER_COLUMNS} FROM users WHERE lower(email) = lower(%(email)s)"
INSERT_USER = f"""
    INSERT INTO users (telegram_id, email, password_hash, display_name, grade, locale, is_admin)
    VALUES (%(telegram_id)s, %(email)s, %(password_hash)s, %(display_name)s, %(grade)s, %(locale)s,
            %(is_admin)s)
    RETURNING {USER_COLUMNS}
"""
UPDATE_PROFILE = f"""
    UPDATE users SET display_name = COALESCE(%(display_name)s, display_name),
                     grade = COALESCE(%(grade)s, grade),
                     locale = COALESCE(%(locale)s, locale),
                     updated_at = now()
    WHERE id = %(id)s
    RETURNING {USER_COLUMNS}
"""
SET_TELEGRAM = f"""
    UPDATE users SET telegram_id = %(telegram_id)s, updated_at = now() WHERE id = %(id)s
    RETURNING {USER_COLUMNS}
"""
SET_CREDENTIALS = f"""
    UPDATE users SET email = %(email)s, password_hash = %(password_hash)s, updated_at = now()
    WHERE id = %(id)s
    RETURNING {USER_COLUMNS}
"""
SET_PASSWORD_HASH = "UPDATE users SET password_hash = %(password_hash)s WHERE id = %(id)s"
SET_ADMIN_BY_TELEGRAM = "UPDATE users SET is_admin = true WHERE telegram_id = ANY(%(ids)s) AND NOT is_admin"
MERGE_USER = "SELECT merge_user_into(%(source)s, %(target)s)"
# Every table holding a user's rows references users ON DELETE CASCADE (admin-owned rows: SET NULL).
DELETE_USER = f"DELETE FROM users WHERE id = %(id)s RETURNING {USER_COLUMNS}"


class UserRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    telegram_id: int | None
    email: str | None
    password_hash: str | None
    display_name: str
    grade: str | None
    locale: str
    timezone: str
    is_admin: bool
    created_at: datetime


def _record(row: dict | None) -> UserRecord | None:
    return UserRecord.model_validate(row) if row else None


class UsersRepository:
    async def get(self, tx: Tx, user_id: int) -> UserRecord | None:
        return _record(await tx.fetchone(GET_BY_ID, {"id": user_id}))

    async def get_by_telegram(self, tx: Tx, telegram_id: int) -> UserRecord | None:
        return _record(await tx.fetchone(GET_BY_TELEGRAM, {"telegram_id": telegram_id}))

    async def get_by_email(self, tx: Tx, email: str) -> UserRecord | None:
        return _record(await tx.fetchone(GET_BY_EMAIL, {"email": email}))

    async def create(self, tx: Tx, *, display_name: str, locale: str, grade: str | None = None,
                     telegram_id: int | None = None, email: str | None = None,
                     password_hash: str | None = None, is_admin: bool = False) -> UserRecord:
        row = await tx.fetchone(INSERT_USER, {
            "telegram_id": telegram_id, "email": email, "password_hash": password_hash,
            "display_name": display_name, "grade": grade, "locale": locale, "is_admin": is_admin,
        })
        return UserRecord.model_validate(row)

    async def update_profile(self, tx: Tx, user_id: int, *, display_name: str | None,
                             grade: str | None, locale: str | None) -> UserRecord | None:
        params = {"id": user_id, "display_name": display_name, "grade": grade, "locale": locale}
        return _record(await tx.fetchone(UPDATE_PROFILE, params))

    async def set_telegram(self, tx: Tx, user_id: int, telegram_id: int) -> UserRecord:
        return UserRecord.model_validate(
            await tx.fetchone(SET_TELEGRAM, {"id": user_id, "telegram_id": telegram_id}))

    async def set_credentials(self, tx: Tx, user_id: int, email: str, password_hash: str) -> UserRecord:
        row = await tx.fetchone(SET_CREDENTIALS, {"id": user_id, "email": email, "password_hash": password_hash})
        return UserRecord.model_validate(row)

    async def set_password_hash(self, tx: Tx, user_id: int, password_hash: str) -> None:
        await tx.execute(SET_PASSWORD_HASH, {"id": user_id, "password_hash": password_hash})

    async def grant_admin_by_telegram(self, tx: Tx, telegram_ids: list[int]) -> int:
        return await tx.execute(SET_ADMIN_BY_TELEGRAM, {"ids": telegram_ids})

    async def delete(self, tx: Tx, user_id: int) -> UserRecord | None:
        """The deleted user as it was, or None when there was none."""
        return _record(await tx.fetchone(DELETE_USER, {"id": user_id}))

    async def merge_into(self, tx: Tx, source: int, target: int) -> None:
        """Moves everything of `source` to `target` and deletes `source` (see merge_user_into)."""
        await tx.execute(MERGE_USER, {"source": source, "target": target})
