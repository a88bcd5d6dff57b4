"""The auth actor: password login, throttled per account and per client address, and the password
check that deleting an account over REST needs.

Sharded by email; the failures are counted in PostgreSQL (throttle.py), so the limits hold however
logins are routed: across shards, restarts and instances.
It asks users for credentials (and to delete an account) and sessions for the token; neither asks
back (no cycle).
"""
from __future__ import annotations

import math
from collections.abc import Hashable

from actors.auth.messages import Credentials, GetCredentials
from actors.auth.throttle import LoginThrottle
from actors.errors import RateLimited
from actors.runtime import Actor, ActorRef, Message, handles
from actors.sessions.messages import IssueToken
from actors.users.errors import InvalidCredentials
from actors.users.fields import canonical_email
from actors.users.messages import (
    DeleteAccount,
    DeleteAccountWithPassword,
    IssuedToken,
    LogIn,
)
from actors.users.secrets import verify_password


def login_shard_key(message: Message) -> Hashable:
    return canonical_email(str(getattr(message, "email", "")))


class AuthActor(Actor):
    def __init__(self, users: ActorRef, sessions: ActorRef, throttle: LoginThrottle) -> None:
        self._users = users
        self._sessions = sessions
        self._throttle = throttle

    @handles(LogIn)
    async def log_in(self, msg: LogIn) -> IssuedToken:
        password = msg.password.get_secret_value()
        credentials = await self._check_password(msg.email, password, msg.client_address)
        return await self._sessions.ask(IssueToken(user_id=credentials.user_id))

    @handles(DeleteAccountWithPassword)
    async def delete_with_password(self, msg: DeleteAccountWithPassword) -> None:
        # Counted as a login, so a stolen token cannot be used to guess the password either.
        password = msg.password.get_secret_value()
        credentials = await self._check_password(msg.email, password, msg.client_address)
        if credentials.user_id != msg.user_id:
            raise InvalidCredentials()
        await self._users.ask(DeleteAccount(user_id=msg.user_id, channel="api"))

    async def _check_password(self, email: str, password: str, client_address: str) -> Credentials:
        account_key = canonical_email(email)
        throttle = self._throttle
        wait = await throttle.retry_after(account_key, client_address)
        if wait > 0:
            raise RateLimited(math.ceil(wait), "too many failed logins; try again later")
        credentials = await self._users.ask(GetCredentials(email=account_key))
        password_hash = credentials.password_hash if credentials else None
        if not await verify_password(password_hash, password):
            await throttle.failed(account_key, client_address)
            raise InvalidCredentials()
        await throttle.succeeded(account_key)
        return credentials
