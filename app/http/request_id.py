"""One id per request: echoed in X-Request-Id, bound to every log line and to the actor trace."""

from __future__ import annotations

import re
import uuid

from aiohttp import web
from aiohttp.typedefs import Handler
from loguru import logger

from actors.runtime import TRACE  # the trace every ask carries into the actors
from app.http.problem_response import REQUEST_ID_KEY

REQUEST_ID_HEADER = "X-Request-Id"
# A client's id is kept only when it cannot forge log lines or headers.
_SANE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


def pick_request_id(incoming: str | None) -> str:
    if incoming and _SANE_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


@web.middleware
async def request_id_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    request_id = pick_request_id(request.headers.get(REQUEST_ID_HEADER))
    request[REQUEST_ID_KEY] = request_id
    token = TRACE.set({"request_id": request_id, "channel": "api"})
    try:
        with logger.contextualize(request_id=request_id):
            return await handler(request)
    finally:
        TRACE.reset(token)


async def add_request_id_header(request: web.Request, response: web.StreamResponse) -> None:
    """on_response_prepare hook: also reaches streamed downloads, whose headers are sent before the
    handler returns, and redirects raised as exceptions."""
    request_id = request.get(REQUEST_ID_KEY)
    if request_id is not None:
        response.headers[REQUEST_ID_HEADER] = request_id
