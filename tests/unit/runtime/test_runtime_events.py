"""Events: publish tells every subscriber of the type and its bases; subscribers fail independently."""
from __future__ import annotations

import asyncio

import pytest

from actors.runtime import Actor, Message, handles


class AnswerSubmitted(Message):
    user_id: int


class CorrectAnswerSubmitted(AnswerSubmitted):
    pass


class GetSeen(Message):
    pass


class Listener(Actor):
    def __init__(self, fail: bool = False, gate: asyncio.Event | None = None) -> None:
        self.seen: list[tuple[str, int]] = []
        self.fail = fail
        self.gate = gate

    @handles(AnswerSubmitted)
    async def on_answer(self, event: AnswerSubmitted) -> None:
        if self.gate is not None:
            await self.gate.wait()
        if self.fail:
            raise RuntimeError("subscriber broken")
        self.seen.append((type(event).__name__, event.user_id))

    @handles(GetSeen)
    async def get_seen(self, msg: GetSeen) -> list[tuple[str, int]]:
        return list(self.seen)


async def test_every_subscriber_gets_the_event_even_when_one_fails(make_system):
    system = make_system()
    stats = system.spawn("stats", factory=Listener)
    broken = system.spawn("broken", factory=lambda: Listener(fail=True))
    analytics = system.spawn("analytics", factory=Listener)
    for ref in (stats, broken, analytics):
        system.subscribe(AnswerSubmitted, ref)
    await system.start()
    assert await system.publish(AnswerSubmitted(user_id=1)) == 3
    assert await system.publish(AnswerSubmitted(user_id=2)) == 3
    assert await stats.ask(GetSeen()) == [("AnswerSubmitted", 1), ("AnswerSubmitted", 2)]
    assert await analytics.ask(GetSeen()) == [("AnswerSubmitted", 1), ("AnswerSubmitted", 2)]
    assert broken.metrics()["failed"] == 2


async def test_a_busy_subscriber_does_not_block_the_others(make_system):
    gate = asyncio.Event()
    system = make_system(busy_wait=0.05)
    slow = system.spawn("slow", factory=lambda: Listener(gate=gate), mailbox_size=1)
    fast = system.spawn("fast", factory=Listener)
    system.subscribe(AnswerSubmitted, slow)
    system.subscribe(AnswerSubmitted, fast)
    await system.start()
    delivered = [await system.publish(AnswerSubmitted(user_id=n)) for n in range(4)]
    # slow takes #0 into its handler and #1 into its mailbox, then is busy; fast gets all
    assert delivered == [2, 2, 1, 1]
    assert await fast.ask(GetSeen()) == [("AnswerSubmitted", n) for n in range(4)]
    gate.set()
    assert await slow.ask(GetSeen()) == [("AnswerSubmitted", 0), ("AnswerSubmitted", 1)]


async def test_subscribers_of_a_base_class_get_subclass_events_once(make_system):
    system = make_system()
    ref = system.spawn("stats", factory=Listener)
    system.subscribe(AnswerSubmitted, ref)
    system.subscribe(CorrectAnswerSubmitted, ref)
    await system.start()
    assert await system.publish(CorrectAnswerSubmitted(user_id=5)) == 1
    assert await ref.ask(GetSeen()) == [("CorrectAnswerSubmitted", 5)]


async def test_publish_without_subscribers_delivers_nothing(make_system):
    system = make_system()
    await system.start()
    assert await system.publish(AnswerSubmitted(user_id=1)) == 0


async def test_subscribing_an_actor_that_cannot_handle_the_event_fails_at_start(make_system):
    class Deaf(Actor):
        @handles(GetSeen)
        async def get_seen(self, msg: GetSeen) -> list:
            return []

    system = make_system()
    system.subscribe(AnswerSubmitted, system.spawn("deaf", factory=Deaf))
    with pytest.raises(TypeError, match=r"'deaf'.*AnswerSubmitted"):
        await system.start()
