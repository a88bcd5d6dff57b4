"""Helpers every API handler uses: ask the actor system, who is calling, from where."""
from __future__ import annotations

from typing import Any

from aiohttp import web
from pydantic import SecretStr

from actors.runtime import TRACE, Message
from actors.users.errors import InvalidToken
from actors.users.messages import Authenticate, GetStoredUser, UserView
from app.api.session_cookie import cookie_token
from app.api.telegram_auth import SCHEME as TMA_SCHEME
from app.api.telegram_auth import telegram_principal
from app.http import forwarded
from app.keys import ACTORS, SETTINGS


async def ask(request: web.Request, message: Message) -> Any:
    return await request.app[ACTORS].ask(message)


def bearer_token(request: web.Request) -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


async def authenticate(request: web.Request) -> UserView | None:
    """The user API's authenticator: a bearer token, a Mini App's signed launch data
    (`Authorization: tma …`), or the web app's session cookie; None answers 401."""
    scheme, _, credentials = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == TMA_SCHEME:
        return _carried(await telegram_principal(request, credentials.strip()))
    return await _by_token(request, bearer_token(request) or cookie_token(request))


async def authenticate_admin(request: web.Request) -> UserView | None:
    """The admin API's authenticator: bearer tokens only (no browser session, no Mini App there), and
    rights from the stored user, never a cached profile, so a grant or a revoke (`apo admin
    grant|revoke`) holds from the next admin request on every instance."""
    principal = await _by_token(request, bearer_token(request))
    return None if principal is None else await ask(request, GetStoredUser(user_id=principal.id))


async def _by_token(request: web.Request, token: str | None) -> UserView | None:
    if token is None:
        return None
    try:
        return _carried(await ask(request, Authenticate(token=SecretStr(token))))
    except InvalidToken:
        return None


def _carried(user: UserView | None) -> UserView | None:
    """The rest of this request's asks carry the user, as the bot's do (analytics' user_id): the
    request runs in its own task, and the request id middleware resets TRACE when it ends."""
    if user is not None:
        TRACE.set({**TRACE.get(), "user_id": user.id})
    return user


def client_address(request: web.Request) -> str:
    """The caller's address for the throttles: X-Forwarded-For only from APO_TRUSTED_PROXIES."""
    return forwarded.client_address(request, request.config_dict[SETTINGS].trusted_proxies)
