"""Installs the app-wide HTTP middlewares in their one fixed order."""

from __future__ import annotations

from aiohttp import web

from app.http import parser_errors
from app.http.error_mappers import ERROR_MAPPERS, ErrorMappers
from app.http.errors_middleware import errors_middleware
from app.http.request_id import add_request_id_header, request_id_middleware
from app.http.timing import timing_middleware


def setup_http(app: web.Application, errors: ErrorMappers | None = None) -> ErrorMappers:
    """Call once on the root app, before adding routes or sub-apps (whose requests it also serves).

    Order, outermost first: request id (so every log line, the 500 one included, carries it) →
    timing (logs the final status, after errors became problems) → errors → handler.
    Auth is not a middleware: routes declare `auth=`/`admin=` and the route wrapper checks it.
    """
    if ERROR_MAPPERS in app:
        raise RuntimeError("setup_http(app) was already called on this app")
    parser_errors.install()  # requests aiohttp cannot parse never reach the middlewares
    mappers = errors if errors is not None else ErrorMappers()
    app[ERROR_MAPPERS] = mappers
    app.middlewares.extend([request_id_middleware, timing_middleware, errors_middleware(mappers)])
    app.on_response_prepare.append(add_request_id_header)
    return mappers
