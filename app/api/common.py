"""Helpers every API handler uses: ask the actor system, who is calling, from where."""
from __future__ import annotations

from typing import Any

from aiohttp import web
from pydantic import SecretStr

from actors.runtime import TRACE, Message
from actors.users.errors import InvalidToken
from actors.users.messages import Authenticate, GetStoredUser, UserView
from app.http import forwarded
from app.keys import ACTORS, SETTINGS


async def ask(request: web.Request, message: Message) -> Any:
    return await request.app[ACTORS].ask(message)


def bearer_token(request: web.Request) -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


async def authenticate(request: web.Request) -> UserView | None:
    """The authenticator hook of both API specs: a bearer token -> the user, or None (401)."""
    token = bearer_token(request)
    if token is None:
        return None
    try:
        user: UserView = await ask(request, Authenticate(token=SecretStr(token)))
    except InvalidToken:
        return None
    # The rest of this request's asks carry the user, as the bot's do (analytics' user_id): the
    # request runs in its own task, and the request id middleware resets TRACE when it ends.
    TRACE.set({**TRACE.get(), "user_id": user.id})
    return user


async def authenticate_admin(request: web.Request) -> UserView | None:
    """The admin spec's authenticator: rights come from the stored user, never a cached profile, so a
    grant or a revoke (`apo admin grant|revoke`) holds from the next admin request on every instance."""
    principal = await authenticate(request)
    return None if principal is None else await ask(request, GetStoredUser(user_id=principal.id))


def client_address(request: web.Request) -> str:
    """The caller's address for the throttles: X-Forwarded-For only from APO_TRUSTED_PROXIES."""
    return forwarded.client_address(request, request.config_dict[SETTINGS].trusted_proxies)
