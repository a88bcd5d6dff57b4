"""The auth actor: password login, throttled per account and per client address (throttle_rule.py),
the password check that deleting an account over REST needs, and REST registration, throttled per
address.

Sharded by email; the failures are counted in PostgreSQL (throttle.py), so the limits hold however
logins are routed: across shards, restarts and instances.
It asks users for credentials (and to delete an account) and sessions for the token; neither asks
back (no cycle).
"""
from __future__ import annotations

from collections.abc import Hashable

from actors.auth.messages import Credentials, GetCredentials, RegisterFromAddress
from actors.auth.registration_throttle import RegistrationThrottle
from actors.auth.throttle import LoginThrottle
from actors.runtime import Actor, ActorRef, Message, handles
from actors.sessions.messages import IssueToken
from actors.users.errors import InvalidCredentials
from actors.users.fields import canonical_email
from actors.users.messages import (
    DeleteAccount,
    DeleteAccountWithPassword,
    GetStoredUser,
    IssuedToken,
    LogIn,
    UserView,
)
from actors.users.secrets import verify_password


def login_shard_key(message: Message) -> Hashable:
    registration = getattr(message, "registration", None)
    return canonical_email(str(getattr(registration or message, "email", "")))


class AuthActor(Actor):
    def __init__(self, users: ActorRef, sessions: ActorRef, throttle: LoginThrottle,
                 registrations: RegistrationThrottle) -> None:
        self._users = users
        self._sessions = sessions
        self._throttle = throttle
        self._registrations = registrations

    @handles(RegisterFromAddress)
    async def register(self, msg: RegisterFromAddress) -> UserView:
        await self._registrations.admit(msg.client_address)
        account_key = canonical_email(str(msg.registration.email))
        attempt = await self._throttle.begin(account_key, msg.client_address)
        view = await self._users.ask(msg.registration)  # EmailTaken leaves the attempt counted
        await self._throttle.succeeded(attempt, account_key, msg.client_address)
        return view

    @handles(LogIn)
    async def log_in(self, msg: LogIn) -> IssuedToken:
        password = msg.password.get_secret_value()
        credentials = await self._check_password(msg.email, password, msg.client_address)
        # A login reads the profile afresh, so rights granted or taken away meanwhile show at once.
        await self._users.ask(GetStoredUser(user_id=credentials.user_id))
        return await self._sessions.ask(IssueToken(user_id=credentials.user_id))  # records UserLoggedIn

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
        attempt = await self._throttle.begin(account_key, client_address)
        credentials = await self._users.ask(GetCredentials(email=account_key))
        password_hash = credentials.password_hash if credentials else None
        if not await verify_password(password_hash, password):
            raise InvalidCredentials()  # the attempt stays counted as a failure
        await self._throttle.succeeded(attempt, account_key, client_address)
        return credentials
