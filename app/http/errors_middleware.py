"""Every failure of a request becomes an RFC 9457 problem; nothing internal leaks to the client."""

from __future__ import annotations

import json

from aiohttp import web
from aiohttp.typedefs import Handler
from loguru import logger

from app.http.error_mappers import ErrorMappers
from app.http.problem_response import REQUEST_ID_KEY, problem_response
from app.http.problems import MalformedBody, ProblemError
from app.http.timing import route_pattern

# Headers of an aiohttp HTTPException that mean something to the client (Allow on 405, ...);
# its Content-Type/Length describe the plain-text body we replace.
_KEPT_HEADERS = ("Allow", "WWW-Authenticate", "Retry-After", "Location")


def problem_from_http_exception(exc: web.HTTPException) -> ProblemError:
    text = exc.text
    default_text = f"{exc.status}: {exc.reason}"
    detail = text if text and text != default_text else None
    headers = {name: exc.headers[name] for name in _KEPT_HEADERS if name in exc.headers}
    return ProblemError(exc.status, exc.reason, detail, headers=headers)


INTERNAL_ERROR_DETAIL = "An unexpected error occurred. Quote the request id when reporting it."


def errors_middleware(mappers: ErrorMappers) -> web.middleware:
    @web.middleware
    async def to_problem(request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            return await handler(request)
        except ProblemError as exc:
            return problem_response(request, exc)
        except web.HTTPException as exc:
            if exc.status < 400:  # redirects and 204s raised as exceptions are not errors
                raise
            return problem_response(request, problem_from_http_exception(exc))
        except json.JSONDecodeError:  # a handler that read request.json() itself
            return problem_response(request, MalformedBody("The request body is not valid JSON."))
        except Exception as exc:  # noqa: BLE001 - the one place that catches everything
            mapped = mappers.problem_for(exc)
            if mapped is not None:
                if mapped.status >= 500:
                    logger.warning("{} {} answered {}: {}", request.method, route_pattern(request),
                                   mapped.status, type(exc).__name__)
                return problem_response(request, mapped)
            logger.exception("Unhandled error in {} {} (request {})", request.method,
                             route_pattern(request), request.get(REQUEST_ID_KEY))
            return problem_response(request, ProblemError(500, "Internal Server Error",
                                                          INTERNAL_ERROR_DETAIL))

    return to_problem
