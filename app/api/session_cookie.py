"""The browser's session: the same opaque token as a bearer one, kept in an HttpOnly cookie.

The web app never sees the token (a script injected into the page could not read it either);
SameSite=Strict keeps other sites' requests from carrying it, and a request is authenticated by
the cookie only when it also sends CLIENT_HEADER, which a cross-origin page cannot send without a
CORS preflight that this server never grants.
"""
from __future__ import annotations

from datetime import datetime, timezone
from ipaddress import ip_address

from aiohttp import web
from yarl import URL

COOKIE = "apo_session"
COOKIE_PATH = "/api/"
CLIENT_HEADER = "X-APO-Client"


def cookie_token(request: web.Request) -> str | None:
    if not request.headers.get(CLIENT_HEADER):
        return None
    return request.cookies.get(COOKIE) or None


def _is_loopback(host: str) -> bool:
    name = URL(f"http://{host}").host or "" if host else ""
    if name == "localhost":
        return True
    try:
        return ip_address(name).is_loopback
    except ValueError:
        return False


def set_session_cookie(request: web.Request, response: web.StreamResponse, token: str,
                       expires_at: datetime) -> None:
    # Secure everywhere but a developer's plain-HTTP loopback (behind TLS the app sees http too).
    seconds = max(0, int((expires_at - datetime.now(timezone.utc)).total_seconds()))
    response.set_cookie(COOKIE, token, max_age=seconds, path=COOKIE_PATH, httponly=True,
                        samesite="Strict", secure=request.secure or not _is_loopback(request.host))


def clear_session_cookie(request: web.Request, response: web.StreamResponse) -> None:
    response.del_cookie(COOKIE, path=COOKIE_PATH, httponly=True, samesite="Strict",
                        secure=request.secure or not _is_loopback(request.host))
