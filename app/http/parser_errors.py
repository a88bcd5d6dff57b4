"""A request aiohttp's parser cannot read gets a problem+json 400 that echoes nothing.

aiohttp answers such a request itself, before any middleware, with a text/plain 400 quoting the
raw line it choked on, and logs that quote with a traceback at ERROR: a bearer token with a
control character, or a header over 8,190 bytes, went back to the client and into the log. aiohttp
has no hook for this answer, so `RequestHandler.handle_error` is replaced once, process-wide: the
log line names the exception type and the client only, the reply is a fixed problem document.
"""
from __future__ import annotations

import json

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.web_protocol import RequestHandler
from loguru import logger

from app.http.problem_response import PROBLEM_CONTENT_TYPE
from app.http.problems import problem_type

_MALFORMED = {"type": problem_type("malformed-request"), "title": "Bad Request", "status": 400,
              "detail": "The request could not be read as HTTP (a bad header line, or a header over 8 KB)."}
_INTERNAL = {"type": "about:blank", "title": "Internal Server Error", "status": 500,
             "detail": "An unexpected error occurred."}


def _handle_error(self: RequestHandler, request: web.BaseRequest, status: int = 500,
                  exc: BaseException | None = None, message: str | None = None) -> web.StreamResponse:
    if isinstance(exc, HttpProcessingError) or 400 <= status < 500:
        # Expected from the internet: one line, no traceback, and never the parser's message.
        logger.info("malformed HTTP request from {} answered {}: {}", request.remote, status,
                    type(exc).__name__ if exc else "unknown")
        body = {**_MALFORMED, "status": status}
    else:
        logger.opt(exception=exc).error("unhandled error outside the middlewares, request from {}",
                                        request.remote)
        body = _INTERNAL
    if request.writer.output_size > 0:  # as aiohttp does: the connection is broken already
        raise ConnectionError("Response is sent already, cannot send another response with the error message")
    response = web.Response(status=status, body=json.dumps(body).encode(), content_type=PROBLEM_CONTENT_TYPE)
    response.force_close()
    return response


def install() -> None:
    """Idempotent; called by setup_http."""
    RequestHandler.handle_error = _handle_error  # type: ignore[method-assign]
