"""The event bus: publish tells every subscriber; each subscriber fails on its own."""
from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from loguru import logger

from actors.runtime.message import Message

if TYPE_CHECKING:
    from actors.runtime.ref import ActorRef


class EventBus:
    def __init__(self) -> None:
        self._subscribers: dict[type, list[ActorRef]] = {}
        self._resolved: dict[type, tuple[ActorRef, ...]] = {}  # per concrete event type, bases included

    def subscribe(self, event_type: type[Message], ref: ActorRef) -> None:
        if not (isinstance(event_type, type) and issubclass(event_type, Message)):
            raise TypeError(f"subscribe needs a Message subclass, got {event_type!r}")
        refs = self._subscribers.setdefault(event_type, [])
        if ref not in refs:
            refs.append(ref)
        self._resolved.clear()

    def subscriptions(self) -> list[tuple[type, ActorRef]]:
        return [(t, ref) for t, refs in self._subscribers.items() for ref in refs]

    def subscribers_of(self, event_type: type) -> tuple[ActorRef, ...]:
        """Subscribers of the type and of its base classes, each once, in subscription order."""
        found = self._resolved.get(event_type)
        if found is None:
            seen: dict[int, ActorRef] = {}
            for base in event_type.__mro__:
                for ref in self._subscribers.get(base, ()):
                    seen.setdefault(id(ref), ref)
            found = self._resolved[event_type] = tuple(seen.values())
        return found

    async def publish(self, event: Message) -> int:
        """Number of subscribers that got the event. Never raises because of a subscriber."""
        delivered = 0
        waiting: list[ActorRef] = []
        for ref in self.subscribers_of(type(event)):
            try:
                if ref.tell_nowait(event):
                    delivered += 1
                else:
                    waiting.append(ref)  # full mailbox: wait for it below, beside the others
            except Exception as error:  # noqa: BLE001 - subscribers fail independently
                _dropped(ref, event, error)
        if waiting:
            # Busy subscribers wait concurrently, so one slow subscriber costs at most one busy_wait.
            results = await asyncio.gather(*(ref.tell(event) for ref in waiting), return_exceptions=True)
            for ref, result in zip(waiting, results, strict=True):
                if isinstance(result, BaseException):
                    _dropped(ref, event, result)
                else:
                    delivered += 1
        return delivered


def _dropped(ref: ActorRef, event: Message, error: BaseException) -> None:
    logger.bind(actor=ref.name).warning("event {} not delivered to {}: {}: {}", type(event).__name__,
                                        ref.name, type(error).__name__, error)
