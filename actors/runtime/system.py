"""ActorSystem: spawns actors, starts them, routes events, reports health, stops them gracefully."""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from loguru import logger

from actors.runtime.actor import Actor
from actors.runtime.errors import NoRoute
from actors.runtime.events import EventBus
from actors.runtime.message import Message
from actors.runtime.ref import ActorRef, ShardKey
from actors.runtime.shard import Shard
from actors.runtime.shutdown import drain, end_tasks
from actors.runtime.supervisor import SupervisorPolicy, supervise


class ActorSystem:
    def __init__(self, default_ask_timeout: float = 5.0, busy_wait: float = 0.5) -> None:
        self.default_ask_timeout = default_ask_timeout
        self.busy_wait = busy_wait
        self.accepting = True  # False from the start of stop(): only actors may still send
        self.closed = False  # True once mailboxes are drained: nobody may send
        self.started = False
        self._refs: dict[str, ActorRef] = {}
        self._policies: dict[str, SupervisorPolicy] = {}
        self._bus = EventBus()
        self._stopping: asyncio.Future[None] | None = None
        self._routes: dict[type, ActorRef] = {}

    def spawn(self, name: str, factory: Callable[[], Actor], *, mailbox_size: int = 1024,
              shards: int = 1, shard_key: ShardKey | None = None,
              policy: SupervisorPolicy | None = None) -> ActorRef:
        if name in self._refs:
            raise ValueError(f"actor {name!r} already spawned")
        if shards < 1 or (shards > 1 and shard_key is None):
            raise ValueError(f"actor {name!r}: shards must be >= 1, and more than one needs a shard_key")
        if self.closed or not self.accepting:
            raise RuntimeError("cannot spawn on a stopping system")
        ref = ActorRef(name, [Shard(name, i, factory, mailbox_size, self) for i in range(shards)],
                       shard_key, self)
        self._refs[name] = ref
        self._routes.clear()  # a new actor may make a type's route ambiguous
        self._policies[name] = policy or SupervisorPolicy()
        if self.started:  # late spawn: start it now, without waiting for on_start
            self._launch(ref)
        return ref

    def ref(self, name: str) -> ActorRef:
        try:
            return self._refs[name]
        except KeyError:
            raise KeyError(f"no actor named {name!r}; spawned: {', '.join(self._refs) or 'none'}") from None

    def route(self, message_type: type[Message]) -> ActorRef:
        """The one actor that handles this type, so an edge can ask without knowing actor names."""
        ref = self._routes.get(message_type)
        if ref is None:
            found = [r for r in self._refs.values() if r.handles_type(message_type)]
            if len(found) != 1:
                raise NoRoute(message_type.__name__, [r.name for r in found])
            ref = self._routes[message_type] = found[0]
        return ref

    async def ask(self, message: Message, timeout: float | None = None) -> Any:
        return await self.route(type(message)).ask(message, timeout)

    async def tell(self, message: Message) -> None:
        await self.route(type(message)).tell(message)

    def subscribe(self, event_type: type[Message], ref: ActorRef) -> None:
        """ref gets every event of this type (and of its subclasses) via tell."""
        self._bus.subscribe(event_type, ref)
        if self.started:
            self._check_subscription(event_type, ref)

    def subscribers_of(self, event_type: type) -> tuple[ActorRef, ...]:
        return self._bus.subscribers_of(event_type)

    def has(self, name: str) -> bool:
        return name in self._refs

    async def publish(self, event: Message) -> int:
        return await self._bus.publish(event)

    async def start(self) -> None:
        """Starts every actor and waits until each ran on_start (or spent its restart budget)."""
        if self.started:
            return
        refs = list(self._refs.values())
        for ref in refs:  # instances first, so wiring errors surface before anything runs
            for shard in ref.shards:
                shard.prepare()
        for event_type, ref in self._bus.subscriptions():
            self._check_subscription(event_type, ref)
        self.started = True
        for ref in refs:
            self._launch(ref)
        await asyncio.gather(*(shard.ready.wait() for ref in refs for shard in ref.shards))
        for name, entry in self.health()["actors"].items():
            if not entry["healthy"]:
                logger.bind(actor=name).error("{} could not start and is unhealthy", name)

    def _launch(self, ref: ActorRef) -> None:
        policy = self._policies[ref.name]
        for shard in ref.shards:
            task_name = f"actor:{ref.name}[{shard.index}]"
            shard.task = asyncio.create_task(supervise(shard, policy), name=task_name)

    def _check_subscription(self, event_type: type, ref: ActorRef) -> None:
        if ref.handles_type(event_type) is False:
            raise TypeError(f"actor {ref.name!r} subscribes to {event_type.__name__} "
                            f"but has no @handles for it")

    async def stop(self, drain_timeout: float = 10.0) -> None:
        """Stop accepting, process everything queued, then on_stop each actor and end its task."""
        self.accepting = False  # at once, not when the stop task first runs
        if self._stopping is None:  # a second caller waits for the first stop instead of racing it
            self._stopping = asyncio.ensure_future(self._stop(drain_timeout))
        await asyncio.shield(self._stopping)

    async def _stop(self, drain_timeout: float) -> None:
        shards = [shard for ref in self._refs.values() for shard in ref.shards]
        deadline = asyncio.get_running_loop().time() + drain_timeout
        if self.started:
            await drain(shards, drain_timeout)
        self.closed = True  # from here on nobody may send, so idle shards stay idle
        await end_tasks(shards, deadline)

    def health(self) -> dict:
        actors = {name: ref.metrics() for name, ref in self._refs.items()}
        healthy = self.started and self.accepting and all(a["healthy"] for a in actors.values())
        return {"healthy": healthy, "actors": actors}

