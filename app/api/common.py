"""Helpers every API handler uses: ask the actor system, who is calling, from where."""
from __future__ import annotations

from typing import Any

from aiohttp import web
from pydantic import SecretStr

from actors.runtime import Message
from actors.users.errors import InvalidToken
from actors.users.messages import Authenticate, UserView
from app.api.session_cookie import cookie_token
from app.api.telegram_auth import SCHEME as TMA_SCHEME
from app.api.telegram_auth import telegram_principal
from app.keys import ACTORS


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
        return await telegram_principal(request, credentials.strip())
    return await _by_token(request, bearer_token(request) or cookie_token(request))


async def authenticate_bearer(request: web.Request) -> UserView | None:
    """The admin API's authenticator: bearer tokens only (no browser session, no Mini App there)."""
    return await _by_token(request, bearer_token(request))


async def _by_token(request: web.Request, token: str | None) -> UserView | None:
    if token is None:
        return None
    try:
        return await ask(request, Authenticate(token=SecretStr(token)))
    except InvalidToken:
        return None


def client_address(request: web.Request) -> str:
    return request.remote or "unknown"
