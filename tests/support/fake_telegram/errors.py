"""Bot API errors as the real server words them, raised by method handlers and faults."""

from __future__ import annotations

from typing import Any

BLOCKED = "Forbidden: bot was blocked by the user"
METHOD_NOT_FOUND = "Not Found: method not found"
UNAUTHORIZED = "Unauthorized"
QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
CHAT_NOT_FOUND = "Bad Request: chat not found"
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
POLL_CONFLICT = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
)
WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the "
    "webhook first"
)

_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request: injected failure",
    401: UNAUTHORIZED,
    403: BLOCKED,
    404: METHOD_NOT_FOUND,
    409: POLL_CONFLICT,
    500: "Internal Server Error",
    502: "Bad Gateway",
}


class ApiError(Exception):
    """An answer with ``ok: false``; ``payload()`` is the JSON body Telegram would send."""

    def __init__(self, status: int, description: str | None = None, retry_after: int | None = None) -> None:
        self.status = status
        self.retry_after = retry_after
        if description is None:
            if status == 429:
                description = f"Too Many Requests: retry after {retry_after or 1}"
            else:
                description = _DEFAULT_DESCRIPTIONS.get(status, f"Error {status}")
        self.description = description
        super().__init__(f"{status} {description}")

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": False, "error_code": self.status, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(reason: str) -> ApiError:
    return ApiError(400, f"Bad Request: {reason}")
