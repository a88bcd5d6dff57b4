"""The exceptions edges raise to answer with an RFC 9457 problem (application/problem+json).

A handler never builds an error response by hand: it raises one of these and the errors
middleware renders it, so every error of the API has the same shape.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

PROBLEM_BASE = "https://apo-trainer.dev/problems"
ABOUT_BLANK = "about:blank"  # RFC 9457 §4.2.1: no semantics beyond the status code


def problem_type(slug_or_uri: str | None) -> str:
    """A slug becomes a stable URI under PROBLEM_BASE; a full URI (or about:blank) is kept."""
    if not slug_or_uri:
        return ABOUT_BLANK
    if ":" in slug_or_uri:
        return slug_or_uri
    return f"{PROBLEM_BASE}/{slug_or_uri}"


class ProblemError(Exception):
    """An error the edge answers with a problem document of the given status."""

    def __init__(self, status: int, title: str, detail: str | None = None, *,
                 type_: str | None = None, extensions: Mapping[str, Any] | None = None,
                 headers: Mapping[str, str] | None = None) -> None:
        super().__init__(detail or title)
        self.status = status
        self.title = title
        self.detail = detail
        self.type = problem_type(type_)
        self.extensions = dict(extensions or {})
        self.headers = dict(headers or {})


class _FixedStatus(ProblemError):
    """A problem whose status and default title come from the class."""

    status_code = 500
    default_title = "Internal Server Error"
    default_type: str | None = None

    def __init__(self, detail: str | None = None, *, title: str | None = None,
                 type_: str | None = None, extensions: Mapping[str, Any] | None = None,
                 headers: Mapping[str, str] | None = None) -> None:
        super().__init__(self.status_code, title or self.default_title, detail,
                         type_=type_ or self.default_type, extensions=extensions, headers=headers)


class BadRequest(_FixedStatus):
    status_code, default_title = 400, "Bad Request"


class MalformedBody(BadRequest):
    default_title, default_type = "Malformed request body", "malformed-body"


class Unauthorized(_FixedStatus):
    status_code, default_title = 401, "Unauthorized"

    def __init__(self, detail: str | None = None, **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)
        # RFC 6750 §3: a 401 for a bearer-protected resource names the scheme.
        self.headers.setdefault("WWW-Authenticate", "Bearer")


class Forbidden(_FixedStatus):
    status_code, default_title = 403, "Forbidden"


class NotFound(_FixedStatus):
    status_code, default_title = 404, "Not Found"


class Conflict(_FixedStatus):
    status_code, default_title = 409, "Conflict"


class PayloadTooLarge(_FixedStatus):
    status_code, default_title = 413, "Content Too Large"


class UnsupportedMediaType(_FixedStatus):
    status_code, default_title = 415, "Unsupported Media Type"


class ValidationFailed(_FixedStatus):
    """422 with the field errors as the `errors` extension: [{loc, msg, type}]."""

    status_code, default_title, default_type = 422, "Validation failed", "validation"

    def __init__(self, errors: list[dict[str, str]], detail: str | None = None, **kwargs: Any) -> None:
        extensions = {**(kwargs.pop("extensions", None) or {}), "errors": errors}
        super().__init__(detail, extensions=extensions, **kwargs)
        self.errors = errors

    @classmethod
    def from_pydantic(cls, exc: ValidationError, location: str) -> ValidationFailed:
        """Field errors located under `location` (body, query, path); input values are left out
        on purpose: they may be passwords or tokens."""
        errors = [{"loc": ".".join([location, *map(str, err["loc"])]), "msg": err["msg"],
                   "type": err["type"]} for err in exc.errors(include_url=False, include_input=False)]
        count = len(errors)
        return cls(errors, detail=f"{count} invalid field{'s' if count != 1 else ''} in {location}")


def retry_after_header(seconds: float) -> dict[str, str]:
    """Retry-After in whole seconds (RFC 9110 §10.2.3), rounded up so clients never come early."""
    return {"Retry-After": str(max(0, math.ceil(seconds)))}


class TooManyRequests(_FixedStatus):
    status_code, default_title = 429, "Too Many Requests"

    def __init__(self, retry_after: float, detail: str | None = None, **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)
        self.headers.update(retry_after_header(retry_after))


class ServiceUnavailable(_FixedStatus):
    status_code, default_title = 503, "Service Unavailable"

    def __init__(self, detail: str | None = None, *, retry_after: float | None = None,
                 **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)
        if retry_after is not None:
            self.headers.update(retry_after_header(retry_after))
