"""Access log: method, route pattern, status and duration of every request, at INFO.

Never headers, bodies or the raw path: they carry tokens, passwords and ids of people.
"""

from __future__ import annotations

import time

from aiohttp import web
from aiohttp.typedefs import Handler
from loguru import logger


def route_pattern(request: web.Request) -> str:
    """`/api/v1/questions/{question_id}` rather than `/api/v1/questions/42`."""
    resource = request.match_info.route.resource
    return resource.canonical if resource is not None else "<unmatched>"


@web.middleware
async def timing_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    started = time.perf_counter()
    status = 500  # what the client sees if the handler escapes every other middleware
    try:
        response = await handler(request)
        status = response.status
        return response
    except web.HTTPException as exc:
        status = exc.status
        raise
    finally:
        elapsed_ms = (time.perf_counter() - started) * 1000
        logger.info("{} {} {} {:.1f} ms", request.method, route_pattern(request), status, elapsed_ms)
