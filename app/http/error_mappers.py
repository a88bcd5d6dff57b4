"""A table from domain exceptions (raised in actors/) to HTTP problems.

The frame must not import actors/ (imports go app → actors, and the frame is generic), so the
composition root registers each domain exception here: `register_error(app, ActorBusy, 503, ...)`.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web
from pydantic import ValidationError

from app.http.problems import ProblemError, retry_after_header


@dataclass(frozen=True)
class ErrorMapping:
    status: int
    title: str
    type_slug: str | None
    detail_from_exc: bool
    retry_after: float | None


class ErrorMappers:
    """Exception type → problem; a subclass inherits its base's mapping unless it has its own."""

    def __init__(self) -> None:
        self._table: dict[type[BaseException], ErrorMapping] = {}

    def register(self, exc_type: type[BaseException], status: int, title: str,
                 type_slug: str | None = None, *, detail_from_exc: bool = False,
                 retry_after: float | None = None) -> None:
        """detail_from_exc=True puts str(exc) in `detail`: only for messages written for users."""
        if not 400 <= status <= 599:
            raise ValueError(f"an error maps to a 4xx/5xx status, not {status}")
        self._table[exc_type] = ErrorMapping(status, title, type_slug, detail_from_exc, retry_after)

    def problem_for(self, exc: BaseException) -> ProblemError | None:
        for klass in type(exc).__mro__:
            mapping = self._table.get(klass)
            if mapping is not None:
                detail = (str(exc) or None) if mapping.detail_from_exc else None
                # An exception may carry its own wait (a throttle knows how long) and its own code.
                retry_after = getattr(exc, "retry_after", None) or mapping.retry_after
                headers = retry_after_header(retry_after) if retry_after is not None else None
                type_slug = mapping.type_slug or getattr(exc, "code", None)
                extensions = _validation_errors(exc, type_slug) if mapping.status == 422 else None
                fields = getattr(exc, "problem_fields", None)  # what a client needs to act on it
                if callable(fields) and fields():
                    extensions = {**(extensions or {}), **fields()}
                if extensions and detail is None:  # as a body's own 422 says: how many fields, where
                    count = len(extensions["errors"])
                    detail = f"{count} invalid field{'s' if count != 1 else ''} in body"
                return ProblemError(mapping.status, mapping.title, detail, type_=type_slug, headers=headers,
                                    extensions=extensions)
        return None


def _validation_errors(exc: BaseException, type_slug: str | None) -> dict:
    """A 422 always lists its errors (the ValidationProblem schema); domain errors may say where."""
    field_errors = getattr(exc, "field_errors", None)
    if isinstance(exc, ValidationError):  # a message built from valid-looking input refused it
        pairs = [(".".join(["body", *map(str, e["loc"])]), e["msg"]) for e in exc.errors()]
    else:
        pairs = field_errors() if callable(field_errors) else [("body", str(exc))]
    return {"errors": [{"loc": loc, "msg": msg, "type": type_slug or "invalid"} for loc, msg in pairs]}


ERROR_MAPPERS = web.AppKey("http_error_mappers", ErrorMappers)


def register_error(app: web.Application, exc_type: type[BaseException], status: int, title: str,
                   type_slug: str | None = None, *, detail_from_exc: bool = False,
                   retry_after: float | None = None) -> None:
    """Map a domain exception for the app set up by `setup_http(app)`."""
    app[ERROR_MAPPERS].register(exc_type, status, title, type_slug,
                                detail_from_exc=detail_from_exc, retry_after=retry_after)
