"""The sessions actor owns api_tokens: it issues opaque tokens (stored as SHA-256), resolves them, revokes them.

Kept apart from password login on purpose: argon2 verification is slow, and a burst of logins
must never hold up the token check every other request waits on.

Every API request resolves its token, so the answer (token hash -> user id) is cached for
TOKEN_CACHE_SECONDS (token_cache.py), never past the token's expiry. Log-out and account deletion drop
the entries; a revocation made by another instance (memory backend) shows within that time. A cached
user that is gone (merged into another account, deleted) is looked up again.
"""
from __future__ import annotations

from collections.abc import Hashable
from datetime import datetime, timedelta, timezone

from actors.runtime import Actor, ActorRef, Message, handles
from actors.sessions.messages import IssueToken
from actors.sessions.token_cache import (
    cached_token_user,
    forget_tokens,
    remember_token_user,
)
from actors.users.errors import InvalidToken, UserNotFound
from actors.users.messages import Authenticate, GetUser, IssuedToken, LogOut, UserLoggedIn, UserView
from actors.users.secrets import TOKEN_PREFIX, new_token, secret_hash
from storage.postgres import Database
from storage.postgres.tokens_repo import TokensRepository

TOKEN_TTL = timedelta(days=30)


def session_shard_key(message: Message) -> Hashable:
    token = getattr(message, "token", None)
    return token.get_secret_value()[-8:] if token is not None else getattr(message, "user_id", 0)


class SessionsActor(Actor):
    def __init__(self, database: Database, users: ActorRef) -> None:
        self._db = database
        self._users = users
        self._tokens = TokensRepository()

    @handles(IssueToken, logged=False)
    async def issue(self, msg: IssueToken) -> IssuedToken:
        token = new_token()
        expires_at = datetime.now(timezone.utc) + TOKEN_TTL
        async with self._db.transaction() as tx:
            await self._tokens.add_token(tx, secret_hash(token), msg.user_id, expires_at)
            await tx.record(UserLoggedIn(user_id=msg.user_id))
        return IssuedToken(access_token=token, expires_at=expires_at)

    @handles(Authenticate, logged=False)
    async def authenticate(self, msg: Authenticate) -> UserView:
        token = msg.token.get_secret_value()
        if not token.startswith(TOKEN_PREFIX) or len(token) > 128:
            raise InvalidToken()
        digest = secret_hash(token)
        cached_user_id = await cached_token_user(digest)
        if cached_user_id is not None:
            try:
                return await self._users.ask(GetUser(user_id=cached_user_id))
            except UserNotFound:  # merged away or deleted since it was cached: ask the database again
                await forget_tokens([digest])
        async with self._db.autocommit() as tx:
            owner = await self._tokens.token_user(tx, digest)
        if owner is None:
            raise InvalidToken()
        user_id, expires_at = owner
        await remember_token_user(digest, user_id, expires_at)
        return await self._users.ask(GetUser(user_id=user_id))

    @handles(LogOut)
    async def log_out(self, msg: LogOut) -> None:
        digest = secret_hash(msg.token.get_secret_value())
        async with self._db.autocommit() as tx:
            await self._tokens.revoke_token(tx, digest)
        await forget_tokens([digest])
