"""ActorRef: how everyone talks to an actor. Routes to a shard, enqueues, waits for the reply."""
from __future__ import annotations

import asyncio
from collections.abc import Callable, Hashable
from time import perf_counter
from typing import TYPE_CHECKING, Any

from actors.runtime.envelope import Envelope
from actors.runtime.errors import ActorStopped, AskTimeout
from actors.runtime.message import Message
from actors.runtime.metrics import summarize
from actors.runtime.shard import Shard
from actors.runtime.trace import CURRENT_ACTOR, trace_snapshot

if TYPE_CHECKING:
    from actors.runtime.system import ActorSystem

ShardKey = Callable[[Message], Hashable]


def _expire(reply: asyncio.Future[Any], actor: str, message_type: str, timeout: float) -> None:
    if not reply.done():
        reply.set_exception(AskTimeout(actor, message_type, timeout))


class ActorRef:
    def __init__(self, name: str, shards: list[Shard], shard_key: ShardKey | None,
                 system: ActorSystem) -> None:
        self.name = name
        self.shards = shards
        self._shard_key = shard_key
        self._system = system

    def __repr__(self) -> str:
        return f"ActorRef({self.name!r}, shards={len(self.shards)})"

    def _route(self, message: Message) -> Shard:
        """Same key, same shard: per-key order is kept while keys proceed in parallel."""
        if not isinstance(message, Message):
            raise TypeError(f"actor {self.name!r} accepts Message instances, got {type(message).__name__}")
        system = self._system
        if system.closed or (not system.accepting and CURRENT_ACTOR.get() is None):
            # During a graceful stop only actors may still send (to finish acknowledged work).
            raise ActorStopped(self.name, "stopped")
        if len(self.shards) == 1:
            return self.shards[0]
        return self.shards[hash(self._shard_key(message)) % len(self.shards)]  # type: ignore[misc]

    async def ask(self, message: Message, timeout: float | None = None) -> Any:
        """The handler's reply; its exception re-raised here; AskTimeout, ActorBusy, ActorStopped."""
        shard = self._route(message)
        loop = asyncio.get_running_loop()
        reply = loop.create_future()
        await shard.mailbox.put(Envelope(message, reply, perf_counter(), trace_snapshot()),
                                self._system.busy_wait)
        if timeout is None:
            timeout = self._system.default_ask_timeout
        # A timer on the future instead of wait_for: no extra task or waiter per ask.
        timer = loop.call_later(timeout, _expire, reply, self.name, type(message).__name__, timeout)
        try:
            return await reply
        finally:
            timer.cancel()

    async def tell(self, message: Message) -> None:
        """Fire-and-forget, still bounded: waits up to busy_wait for room, then ActorBusy."""
        shard = self._route(message)
        await shard.mailbox.put(Envelope(message, None, perf_counter(), trace_snapshot()),
                                self._system.busy_wait)

    def tell_nowait(self, message: Message) -> bool:
        """Enqueue only if there is room right now; False when full. For sync callers (hooks)."""
        shard = self._route(message)
        return shard.mailbox.offer(Envelope(message, None, perf_counter(), trace_snapshot()))

    def deliver(self, message: Message) -> asyncio.Future[Any]:
        """Enqueues in order, without a timeout, waiting for room if need be (delivery.py); the
        future gets the handler's reply or exception. For the relay, whose messages are durable."""
        shard = self._route(message)
        reply = asyncio.get_running_loop().create_future()
        shard.outlet.put(Envelope(message, reply, perf_counter(), trace_snapshot()))
        return reply

    def handles_type(self, message_type: type) -> bool | None:
        """Whether the actor handles the type; None before its factory first ran (at start)."""
        actor_type = self.shards[0].actor_type
        return None if actor_type is None else actor_type.handles_type(message_type)

    def metrics(self) -> dict:
        shards = self.shards
        return {
            "alive": all(s.alive for s in shards),
            "healthy": all(s.healthy for s in shards),
            "shards": len(shards),
            "mailbox": sum(len(s.mailbox) for s in shards),
            **summarize(s.metrics for s in shards),
        }
