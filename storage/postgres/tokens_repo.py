"""Hashed secrets with expiry: API bearer tokens and Telegram link codes."""
from __future__ import annotations

from datetime import datetime

from storage.postgres.tx import Tx

INSERT_TOKEN = """
    INSERT INTO api_tokens (token_hash, user_id, expires_at) VALUES (%(hash)s, %(user_id)s, %(expires_at)s)
"""
FIND_TOKEN_USER = """
    SELECT user_id, expires_at FROM api_tokens
    WHERE token_hash = %(hash)s AND revoked_at IS NULL AND expires_at > now()
"""
USER_TOKENS = "SELECT token_hash FROM api_tokens WHERE user_id = %(user_id)s AND revoked_at IS NULL"
REVOKE_TOKEN = "UPDATE api_tokens SET revoked_at = now() WHERE token_hash = %(hash)s AND revoked_at IS NULL"


INSERT_LINK_CODE = """
    INSERT INTO telegram_link_codes (code_hash, user_id, expires_at)
    VALUES (%(hash)s, %(user_id)s, %(expires_at)s)
"""
# Consuming is one statement, so two concurrent redemptions of one code cannot both succeed.
CONSUME_LINK_CODE = """
    UPDATE telegram_link_codes SET used_at = now()
    WHERE code_hash = %(hash)s AND used_at IS NULL AND expires_at > now()
    RETURNING user_id
"""


class TokensRepository:
    async def add_token(self, tx: Tx, token_hash: bytes, user_id: int, expires_at: datetime) -> None:
        await tx.execute(INSERT_TOKEN, {"hash": token_hash, "user_id": user_id, "expires_at": expires_at})

    async def token_user(self, tx: Tx, token_hash: bytes) -> tuple[int, datetime] | None:
        """(user id, expires_at) of a live token, or None."""
        row = await tx.fetchone(FIND_TOKEN_USER, {"hash": token_hash})
        return (row["user_id"], row["expires_at"]) if row else None

    async def user_token_hashes(self, tx: Tx, user_id: int) -> list[bytes]:
        return [bytes(row["token_hash"]) for row in await tx.fetchall(USER_TOKENS, {"user_id": user_id})]

    async def revoke_token(self, tx: Tx, token_hash: bytes) -> bool:
        return await tx.execute(REVOKE_TOKEN, {"hash": token_hash}) == 1

    async def add_link_code(self, tx: Tx, code_hash: bytes, user_id: int, expires_at: datetime) -> None:
        await tx.execute(INSERT_LINK_CODE, {"hash": code_hash, "user_id": user_id, "expires_at": expires_at})

    async def consume_link_code(self, tx: Tx, code_hash: bytes) -> int | None:
        return await tx.fetchval(CONSUME_LINK_CODE, {"hash": code_hash})
