"""The Actor base class and the @handles dispatch table ("who handles what" stays greppable)."""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, ClassVar

from actors.runtime.errors import UnhandledMessage
from actors.runtime.message import Message

if TYPE_CHECKING:
    from actors.runtime.system import ActorSystem

Handler = Callable[[Any], Awaitable[Any]]
HANDLES_ATTR = "__apo_handles__"
ASPECTS_ATTR = "__apo_runtime_aspects__"


@dataclass(frozen=True)
class RuntimeAspects:
    """What the runtime wraps a handler in (shard.py). Both are on unless the handler opts out."""

    logged: bool = True  # one log line per message: type, duration, outcome, never the values
    timed: bool = True  # latency per message type in the metrics, and the timing sink (analytics)


DEFAULT_ASPECTS = RuntimeAspects()


def handles(*message_types: type[Message], logged: bool = True,
            timed: bool = True) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Marks an async method as the handler of one or more message types. Outermost decorator.

    The runtime logs and times every handler; `logged=False` suits a handler asked for every
    request (its line would drown the others), `timed=False` one whose timing would feed itself."""
    if not message_types or not all(isinstance(t, type) and issubclass(t, Message) for t in message_types):
        raise TypeError("@handles needs one or more Message subclasses")
    aspects = RuntimeAspects(logged=logged, timed=timed)

    def mark(fn: Callable[..., Any]) -> Callable[..., Any]:
        if not inspect.iscoroutinefunction(fn):
            raise TypeError(f"@handles: {fn.__qualname__} must be an async def")
        setattr(fn, HANDLES_ATTR, getattr(fn, HANDLES_ATTR, ()) + tuple(message_types))
        setattr(fn, ASPECTS_ATTR, aspects)
        return fn

    return mark


class Actor:
    """One concern's state and handlers. The system makes a fresh instance per (re)start."""

    name: str = ""  # set by the system when spawned ("training"); shards share the name
    shard: int = 0  # which shard this instance is (0..shards-1)
    system: ActorSystem | None = None  # set by the system, e.g. to publish events

    _dispatch: ClassVar[dict[type, str]] = {}  # message type -> method name, built per class
    _resolved: ClassVar[dict[type, str | None]] = {}  # cache of lookups along the message's MRO
    _emitted: list[Message] | None = None  # events of the message being handled (emit)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        table = dict(cls._dispatch)  # inherited handlers; a subclass may take a type over
        own: dict[type, str] = {}
        for attr, value in cls.__dict__.items():
            for message_type in getattr(value, HANDLES_ATTR, ()):
                if message_type in own:
                    raise TypeError(f"{cls.__name__}: {message_type.__name__} handled twice "
                                    f"({own[message_type]} and {attr})")
                own[message_type] = attr
        table.update(own)
        cls._dispatch = table
        cls._resolved = {}

    async def on_start(self) -> None:
        """Open what the actor owns. Runs on every (re)start; raising here counts as a crash."""

    async def on_stop(self) -> None:
        """Close what on_start opened. Runs after a graceful stop and after a crash of the loop,
        not when on_start itself failed (on_start cleans up its own partial work, as in OTP)."""

    @classmethod
    def handler_name(cls, message_type: type) -> str | None:
        """The method for a type, or for its nearest base class (events subscribed by base)."""
        try:
            return cls._resolved[message_type]
        except KeyError:
            found = next((cls._dispatch[t] for t in message_type.__mro__ if t in cls._dispatch), None)
            cls._resolved[message_type] = found
            return found

    @classmethod
    def handles_type(cls, message_type: type) -> bool:
        return cls.handler_name(message_type) is not None

    def handler_for(self, message_type: type) -> Handler:
        name = self.handler_name(message_type)
        if name is None:
            raise UnhandledMessage(self.name or type(self).__name__, message_type.__name__)
        return getattr(self, name)

    @classmethod
    def aspects_for(cls, message_type: type) -> RuntimeAspects:
        name = cls.handler_name(message_type)
        return getattr(getattr(cls, name), ASPECTS_ATTR, DEFAULT_ASPECTS) if name else DEFAULT_ASPECTS

    def emit(self, event: Message) -> None:
        """An event whose fact is not in PostgreSQL (those go to the outbox with their transaction):
        the runtime publishes it once the handler is done, whether it returned or raised."""
        if self._emitted is None:
            self._emitted = []
        self._emitted.append(event)

    def take_emitted(self) -> list[Message]:
        emitted, self._emitted = self._emitted or [], None
        return emitted
