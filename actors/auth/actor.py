"""The auth actor: password login (throttled), opaque bearer tokens stored hashed, logout.

It asks the users actor for credentials and profiles; users never asks auth (no cycle).
"""
from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone

from actors.aspects import logged, timed
from actors.auth.messages import GetCredentials
from actors.errors import RateLimited
from actors.runtime import Actor, ActorRef, handles
from actors.users.errors import InvalidCredentials, InvalidToken
from actors.users.messages import Authenticate, GetUser, IssuedToken, LogIn, LogOut, UserLoggedIn, UserView
from actors.users.secrets import TOKEN_PREFIX, new_token, secret_hash, verify_password
from actors.users.throttle import FailureWindow
from storage.postgres import Database
from storage.postgres.tokens_repo import TokensRepository

TOKEN_TTL = timedelta(days=30)
THROTTLE_WINDOW_SECONDS = 15 * 60
FAILURES_PER_ACCOUNT = 5
FAILURES_PER_ADDRESS = 20


class AuthActor(Actor):
    def __init__(self, database: Database, users: ActorRef) -> None:
        self._db = database
        self._users = users
        self._tokens = TokensRepository()
        self._by_account = FailureWindow(FAILURES_PER_ACCOUNT, THROTTLE_WINDOW_SECONDS)
        self._by_address = FailureWindow(FAILURES_PER_ADDRESS, THROTTLE_WINDOW_SECONDS)

    @handles(LogIn)
    @logged
    @timed
    async def log_in(self, msg: LogIn) -> IssuedToken:
        account_key = msg.email.strip().lower()
        wait = max(self._by_account.retry_after(account_key), self._by_address.retry_after(msg.client_address))
        if wait > 0:
            raise RateLimited(math.ceil(wait), "too many failed logins; try again later")
        credentials = await self._users.ask(GetCredentials(email=account_key))
        password_hash = credentials.password_hash if credentials else None
        if not await verify_password(password_hash, msg.password.get_secret_value()):
            self._by_account.record_failure(account_key)
            self._by_address.record_failure(msg.client_address)
            raise InvalidCredentials()
        self._by_account.reset(account_key)
        token = new_token()
        expires_at = datetime.now(timezone.utc) + TOKEN_TTL
        async with self._db.transaction() as tx:
            await self._tokens.add_token(tx, secret_hash(token), credentials.user_id, expires_at)
        await self.system.publish(UserLoggedIn(user_id=credentials.user_id))
        return IssuedToken(access_token=token, expires_at=expires_at)

    @handles(Authenticate)
    @timed
    async def authenticate(self, msg: Authenticate) -> UserView:
        token = msg.token.get_secret_value()
        if not token.startswith(TOKEN_PREFIX):
            raise InvalidToken()
        async with self._db.transaction() as tx:
            user_id = await self._tokens.token_user(tx, secret_hash(token))
        if user_id is None:
            raise InvalidToken()
        return await self._users.ask(GetUser(user_id=user_id))

    @handles(LogOut)
    @logged
    @timed
    async def log_out(self, msg: LogOut) -> None:
        async with self._db.transaction() as tx:
            await self._tokens.revoke_token(tx, secret_hash(msg.token.get_secret_value()))
