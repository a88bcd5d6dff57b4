"""User actions that have no domain event, declared on the message class instead of in handlers.

A query or command that is itself a user action worth counting (viewing statistics, changing a
filter, requesting an export) declares it on its message, next to `log_fields`:

    class GetUserStats(Message):
        analytics_action: ClassVar[str] = "stats_viewed"

Its timed handler calls then become `stats_viewed` rows (with latency, outcome, user, channel
and request id from the trace) instead of plain `handler` rows. Actions that publish a domain
event (registration, login, answer, skip, report…) come from the event and declare nothing.
"""
from __future__ import annotations

from actors.runtime import Message


def declared_actions() -> dict[str, str]:
    """Message type name -> action, from every imported Message subclass that declares one."""
    found: dict[str, str] = {}
    pending: list[type] = [Message]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        action = cls.__dict__.get("analytics_action")
        if isinstance(action, str) and action:
            found[cls.__name__] = action
    return found
