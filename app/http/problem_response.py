"""Rendering a ProblemError as an application/problem+json response, and its documented shape."""

from __future__ import annotations

from typing import Any

from aiohttp import web
from pydantic import BaseModel, ConfigDict

from app.http.problems import ProblemError

PROBLEM_CONTENT_TYPE = "application/problem+json"
# request[REQUEST_ID_KEY]: filled by the request id middleware for every request.
REQUEST_ID_KEY = web.RequestKey("request_id", str)


def problem_response(request: web.Request, problem: ProblemError) -> web.Response:
    body: dict[str, Any] = dict(problem.extensions)
    # The RFC 9457 members come last so an extension can never overwrite them.
    body.update(type=problem.type, title=problem.title, status=problem.status)
    if problem.detail is not None:
        body["detail"] = problem.detail
    # The path only: a query string may carry secrets, and the id finds the log lines.
    body["instance"] = request.path
    body["request_id"] = request.get(REQUEST_ID_KEY)
    return web.json_response(body, status=problem.status, headers=problem.headers,
                             content_type=PROBLEM_CONTENT_TYPE)


class Problem(BaseModel):
    """RFC 9457 problem details as this API sends them (extensions are allowed)."""

    model_config = ConfigDict(extra="allow", title="Problem")

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    request_id: str | None = None


class FieldError(BaseModel):
    loc: str
    msg: str
    type: str


class ValidationProblem(Problem):
    """A 422 problem: one entry per invalid field, located as `body.email`, `query.limit`."""

    model_config = ConfigDict(title="ValidationProblem")

    errors: list[FieldError]
