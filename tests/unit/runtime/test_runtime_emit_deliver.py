"""Emitted events are published by the runtime after their handler, returned or raised; ordered
deliveries keep their order through a full mailbox."""
from __future__ import annotations

import asyncio

import pytest

from actors.runtime import Actor, Event, Message, handles


class Saved(Event):
    user_id: int


class Save(Message):
    user_id: int
    fail: bool = False


class Writer(Actor):
    @handles(Save)
    async def save(self, msg: Save) -> str:
        self.emit(Saved(user_id=msg.user_id))
        if msg.fail:
            raise ValueError("refused after saving")
        return "saved"


class Seen(Message):
    pass


class Recorder(Actor):
    def __init__(self, seen: list[int], gate: asyncio.Event | None = None) -> None:
        self.seen, self.gate = seen, gate

    @handles(Saved)
    async def on_saved(self, event: Saved) -> None:
        if self.gate is not None:
            await self.gate.wait()
        self.seen.append(event.user_id)

    @handles(Seen)
    async def get_seen(self, msg: Seen) -> list[int]:
        return list(self.seen)


async def test_an_emitted_event_reaches_subscribers_before_the_caller_gets_the_reply(make_system):
    system, seen = make_system(), []
    writer = system.spawn("writer", Writer)
    recorder = system.spawn("recorder", lambda: Recorder(seen))
    system.subscribe(Saved, recorder)
    await system.start()
    assert await writer.ask(Save(user_id=1)) == "saved"
    assert await recorder.ask(Seen()) == [1]  # enqueued before the reply: the next ask sees it


async def test_what_a_failing_handler_emitted_is_published_all_the_same(make_system):
    system, seen = make_system(), []
    writer = system.spawn("writer", Writer)
    system.subscribe(Saved, system.spawn("recorder", lambda: Recorder(seen)))
    await system.start()
    with pytest.raises(ValueError):
        await writer.ask(Save(user_id=2, fail=True))
    await asyncio.sleep(0.05)
    assert seen == [2]


async def test_ordered_deliveries_wait_for_room_and_never_overtake_each_other(make_system):
    system, seen, gate = make_system(), [], asyncio.Event()
    ref = system.spawn("recorder", lambda: Recorder(seen, gate), mailbox_size=2)
    await system.start()
    replies = [ref.deliver(Saved(user_id=n)) for n in range(10)]  # 8 more than the mailbox holds
    gate.set()
    await asyncio.wait_for(asyncio.gather(*replies), 2)
    assert seen == list(range(10))
