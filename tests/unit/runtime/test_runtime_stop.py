"""Graceful stop: refuse new work, process what is queued, then on_stop; late asks get ActorStopped."""
from __future__ import annotations

import asyncio
import time

import pytest

from actors.runtime import Actor, ActorStopped, Message, handles


class Work(Message):
    value: int


class WorkDone(Message):
    value: int


class GetDone(Message):
    pass


class Stuck(Message):
    pass


class Worker(Actor):
    def __init__(self, journal: list[str]) -> None:
        self.journal = journal

    async def on_start(self) -> None:
        self.journal.append("start")

    async def on_stop(self) -> None:
        self.journal.append("stop")

    @handles(Work)
    async def work(self, msg: Work) -> int:
        await asyncio.sleep(0.002)
        self.journal.append(f"work {msg.value}")
        await self.system.publish(WorkDone(value=msg.value))  # an actor may still send while draining
        return msg.value

    @handles(Stuck)
    async def stuck(self, msg: Stuck) -> None:
        await asyncio.sleep(60)


class Ledger(Actor):
    def __init__(self, done: list[int]) -> None:
        self.done = done

    @handles(WorkDone)
    async def on_done(self, msg: WorkDone) -> None:
        await asyncio.sleep(0.002)
        self.done.append(msg.value)

    @handles(GetDone)
    async def get_done(self, msg: GetDone) -> list[int]:
        return list(self.done)


async def test_stop_drains_every_mailbox_before_on_stop(make_system):
    journal: list[str] = []
    done: list[int] = []
    system = make_system()
    worker = system.spawn("worker", factory=lambda: Worker(journal))
    system.subscribe(WorkDone, system.spawn("ledger", factory=lambda: Ledger(done)))
    await system.start()
    for value in range(20):
        await worker.tell(Work(value=value))
    await system.stop(drain_timeout=5.0)
    assert journal == ["start"] + [f"work {v}" for v in range(20)] + ["stop"]
    assert done == list(range(20))  # events published by the draining worker were delivered too
    assert system.health()["healthy"] is False


async def test_ask_and_tell_after_stop_raise_actor_stopped(make_system):
    system = make_system()
    ref = system.spawn("worker", factory=lambda: Worker([]))
    await system.start()
    await system.stop()
    with pytest.raises(ActorStopped, match="worker"):
        await ref.ask(Work(value=1))
    with pytest.raises(ActorStopped):
        await ref.tell(Work(value=1))
    assert await system.publish(WorkDone(value=1)) == 0


async def test_outside_senders_are_refused_as_soon_as_the_stop_begins(make_system):
    system = make_system()
    ref = system.spawn("worker", factory=lambda: Worker([]))
    await system.start()
    await ref.tell(Work(value=1))
    stopping = asyncio.ensure_future(system.stop())
    await asyncio.sleep(0)
    with pytest.raises(ActorStopped):
        await ref.tell(Work(value=2))
    await stopping


async def test_a_stuck_handler_is_cancelled_after_the_drain_timeout(make_system):
    journal: list[str] = []
    system = make_system()
    ref = system.spawn("worker", factory=lambda: Worker(journal))
    await system.start()
    stuck = asyncio.ensure_future(ref.ask(Stuck(), timeout=30))
    queued = asyncio.ensure_future(ref.ask(Work(value=1), timeout=30))
    await asyncio.sleep(0.01)
    started = time.perf_counter()
    await system.stop(drain_timeout=0.1)
    assert time.perf_counter() - started < 2.0
    for pending in (stuck, queued):
        with pytest.raises(ActorStopped):
            await pending
    assert journal[-1] == "stop"  # on_stop still ran, so owned resources were closed


async def test_start_and_stop_are_idempotent(make_system):
    created = []
    system = make_system()

    def factory() -> Worker:
        created.append(1)
        return Worker([])

    ref = system.spawn("worker", factory=factory)
    await system.start()
    await system.start()
    assert len(created) == 1 and len(ref.shards) == 1
    await system.stop()
    await system.stop()


async def test_stop_without_start_fails_queued_asks(make_system):
    system = make_system()
    ref = system.spawn("worker", factory=lambda: Worker([]))
    pending = asyncio.ensure_future(ref.ask(Work(value=1)))
    await asyncio.sleep(0)
    await system.stop()
    with pytest.raises(ActorStopped):
        await pending
