"""Security headers of every /app response: the page may run only its own scripts and styles, talk only
to this origin, and be framed only by Telegram's web clients (the Mini App opens in their iframe)."""
from __future__ import annotations

from aiohttp import web

PREFIX = "/app"
TELEGRAM_WEB_CLIENTS = ("https://web.telegram.org", "https://webk.telegram.org", "https://webz.telegram.org")

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'none'",
    "script-src 'self'",                    # no inline script, no eval
    "style-src 'self'",
    "img-src 'self' data:",                 # question pictures come from /media on this origin
    "font-src 'self'",
    "connect-src 'self'",                   # the REST API only
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    "frame-ancestors 'self' " + " ".join(TELEGRAM_WEB_CLIENTS),
))

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}


def is_webapp_path(path: str) -> bool:
    return path == PREFIX or path.startswith(PREFIX + "/")


async def add_security_headers(request: web.Request, response: web.StreamResponse) -> None:
    """on_response_prepare hook: errors and redirects under /app get the headers too."""
    if is_webapp_path(request.path):
        response.headers.update(HEADERS)
