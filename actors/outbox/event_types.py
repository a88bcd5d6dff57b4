"""Event classes by name, to rebuild an outbox row's event from its event_type and payload."""
from __future__ import annotations

from actors.runtime import Event


def event_types() -> dict[str, type[Event]]:
    """Every Event subclass imported so far (the wiring imports every concern before the relay
    starts). Names must be unique: the outbox stores only the class name."""
    found: dict[str, type[Event]] = {}
    stack = list(Event.__subclasses__())
    while stack:
        event_type = stack.pop()
        stack.extend(event_type.__subclasses__())
        other = found.setdefault(event_type.__name__, event_type)
        if other is not event_type:
            raise TypeError(f"two events are named {event_type.__name__}: {other.__module__} and "
                            f"{event_type.__module__}; the outbox needs unique names")
    return found
