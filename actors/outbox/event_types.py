"""Event classes by name, to rebuild an outbox row's event from its event_type and payload."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from actors.runtime import Event

OWN_PACKAGE = "actors."  # the concerns' events; a same-named class elsewhere (a test's) gives way


def event_types() -> dict[str, type[Event]]:
    """Every Event subclass imported so far (the wiring imports every concern before the relay
    starts)."""
    return by_name(_subclasses(Event))


def by_name(types: Iterable[type[Event]]) -> dict[str, type[Event]]:
    """The outbox stores only the class name, so two of the concerns' events must never share one."""
    found: dict[str, type[Event]] = {}
    for event_type in types:
        other = found.setdefault(event_type.__name__, event_type)
        if other is event_type:
            continue
        ours = [t for t in (other, event_type) if t.__module__.startswith(OWN_PACKAGE)]
        if len(ours) != 1:
            raise TypeError(f"two events are named {event_type.__name__}: {other.__module__} and "
                            f"{event_type.__module__}; the outbox needs unique names")
        found[event_type.__name__] = ours[0]
    return found


def _subclasses(base: type[Event]) -> Iterator[type[Event]]:
    for sub in base.__subclasses__():
        yield sub
        yield from _subclasses(sub)
