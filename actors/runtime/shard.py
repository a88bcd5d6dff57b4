"""One running instance of an actor: its mailbox, its current instance and the message loop."""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from time import perf_counter
from typing import TYPE_CHECKING

from loguru import logger

from actors.aspects.logged import log_handled
from actors.aspects.timed import record_timing
from actors.errors import DomainError
from actors.runtime.actor import Actor
from actors.runtime.delivery import OrderedOutlet
from actors.runtime.envelope import STOP, Envelope
from actors.runtime.errors import ActorCrash, ActorStopped
from actors.runtime.mailbox import Mailbox
from actors.runtime.message import Message
from actors.runtime.metrics import ShardMetrics
from actors.runtime.trace import TRACE

if TYPE_CHECKING:
    from actors.runtime.system import ActorSystem


class Shard:
    def __init__(self, name: str, index: int, factory: Callable[[], Actor], mailbox_size: int,
                 system: ActorSystem) -> None:
        self.name = name
        self.index = index
        self.factory = factory
        self.system = system
        self.mailbox = Mailbox(name, mailbox_size)
        self.outlet = OrderedOutlet(self.mailbox)  # ordered deliveries waiting for room
        self.metrics = ShardMetrics()
        self.instance: Actor | None = None
        self.actor_type: type[Actor] | None = None  # known once the factory ran; survives restarts
        self.task: asyncio.Task[None] | None = None
        self.busy = False  # a message is being handled (read by the drain at stop)
        self.alive = False  # on_start done and the loop is reading the mailbox
        self.healthy = True  # False once the restart budget is spent
        self.ready = asyncio.Event()  # first start settled: running, or given up
        self._log_context = {"actor": name}

    def prepare(self) -> Actor:
        """A fresh instance from the factory, unless one is already waiting to be started."""
        if self.instance is None:
            actor = self.factory()
            if not isinstance(actor, Actor):
                raise TypeError(f"factory of {self.name!r} returned {type(actor).__name__}, not an Actor")
            actor.name, actor.shard, actor.system = self.name, self.index, self.system
            self.instance = actor
            self.actor_type = type(actor)
        return self.instance

    async def run_once(self) -> None:
        """Starts an instance and reads the mailbox until STOP. Any exception out of here is a crash."""
        actor = self.prepare()
        try:
            await actor.on_start()
        except BaseException:
            self.instance = None  # never half-reuse an instance whose start failed
            raise
        self.alive = True
        self.ready.set()
        try:
            await self._loop(actor)
        finally:
            self.alive = False
            self.instance = None
            try:
                await actor.on_stop()
            except Exception:  # noqa: BLE001 - a failing close must not hide the stop
                logger.opt(exception=True).bind(actor=self.name).error("{} on_stop failed", self.name)

    async def _loop(self, actor: Actor) -> None:
        queue = self.mailbox.queue
        while True:
            envelope = await queue.get()
            self.busy = True
            try:
                if envelope is STOP:
                    return
                await self._handle(actor, envelope)
            finally:
                self.busy = False
                queue.task_done()

    async def _handle(self, actor: Actor, envelope: Envelope) -> None:
        reply = envelope.reply
        metrics = self.metrics
        if reply is not None and reply.done():
            metrics.expired += 1  # the caller timed out or was cancelled: the answer has no reader
            return
        message = envelope.message
        message_type = type(message)
        trace = envelope.trace
        TRACE.set(trace)  # the loop's own context: the next message overwrites it
        context = {**trace, "actor": self.name} if trace else self._log_context
        started = perf_counter()
        metrics.wait.append(started - envelope.enqueued_at)
        error: BaseException | None = None
        try:
            with logger.contextualize(**context):
                result = await actor.handler_for(message_type)(message)
        except ActorCrash as crash:
            error = crash
            metrics.failed += 1
            if reply is not None and not reply.done():
                reply.set_exception(crash)
            raise
        except Exception as failure:  # noqa: BLE001 - fails one message, not the actor
            error = failure
            metrics.failed += 1
            if reply is not None and not reply.done():
                reply.set_exception(failure)  # the caller decides what the failure means
            elif isinstance(failure, DomainError):  # expected (a wrong password): a line, no traceback
                if not actor.aspects_for(message_type).logged:  # else the runtime's own line says it
                    logger.bind(**context).info("{} {} ended in {}, with nobody waiting for the answer",
                                                self.name, message_type.__name__, type(failure).__name__)
            else:  # a tell, an event, or an ask whose caller gave up: nobody else will see it
                logger.opt(exception=failure).bind(**context).error(
                    "{} failed handling {}", self.name, message_type.__name__)
        except BaseException:
            if reply is not None and not reply.done():
                reply.set_exception(ActorStopped(self.name, "stopping"))
            raise
        else:
            metrics.handled += 1
            if actor._emitted:  # published before the reply: a caller's next ask sees their effect
                await self._publish_emitted(actor)
            if reply is not None and not reply.done():
                reply.set_result(result)
        finally:
            seconds = perf_counter() - started
            metrics.latency.append(seconds)
            self._apply_aspects(actor, message, seconds, error, context)
        if actor._emitted:  # the handler raised after emitting: what it emitted did happen
            await self._publish_emitted(actor)

    def _apply_aspects(self, actor: Actor, message: Message, seconds: float, error: BaseException | None,
                       context: dict) -> None:
        aspects = actor.aspects_for(type(message))
        if aspects.timed:
            self.metrics.record_timed(type(message).__name__, seconds, error is None)
            record_timing(self.name, type(message).__name__, seconds, error is None)
        if aspects.logged:
            with logger.contextualize(**context):
                log_handled(self.name, message, seconds, error)

    async def _publish_emitted(self, actor: Actor) -> None:
        for event in actor.take_emitted():
            await self.system.publish(event)
