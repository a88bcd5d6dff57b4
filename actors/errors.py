"""Domain errors: plain exceptions the edges translate (HTTP status / friendly bot text).

Each concern raises a subclass of one of these kinds; the edges map the kind, and may use the
stable `code` for a more specific message.
"""
from __future__ import annotations


class DomainError(Exception):
    code = "domain_error"

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(detail or self.__class__.__doc__ or self.code)
        self.detail = detail or (self.__class__.__doc__ or self.code).strip()


class NotFound(DomainError):
    """The thing asked for does not exist."""
    code = "not_found"


class Conflict(DomainError):
    """The request conflicts with the current state."""
    code = "conflict"


class Unauthenticated(DomainError):
    """Credentials are missing, wrong or expired."""
    code = "unauthenticated"


class Forbidden(DomainError):
    """The user may not do this."""
    code = "forbidden"


class InvalidInput(DomainError):
    """The request is well-formed but not acceptable."""
    code = "invalid_input"

    def field_errors(self) -> list[tuple[str, str]]:
        """(location, message) pairs for the edges; one for the whole request by default."""
        return [("body", self.detail)]


class RateLimited(DomainError):
    """Too many attempts; try again later."""
    code = "rate_limited"

    def __init__(self, retry_after: int, detail: str | None = None) -> None:
        super().__init__(detail)
        self.retry_after = max(1, int(retry_after))
