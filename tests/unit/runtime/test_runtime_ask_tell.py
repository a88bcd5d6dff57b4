"""ask and tell: replies, order, timeouts, back-pressure and failures that stay with one message."""
from __future__ import annotations

import asyncio
import time

import pytest

from actors.runtime import Actor, ActorBusy, AskTimeout, Message, UnhandledMessage, handles


class Add(Message):
    value: int


class GetTotal(Message):
    pass


class Hold(Message):
    """Blocks the handler until the test releases it."""


class Boom(Message):
    pass


class NobodyHandlesMe(Message):
    pass


class Counter(Actor):
    def __init__(self, gate: asyncio.Event | None = None) -> None:
        self.total = 0
        self.seen: list[int] = []
        self.gate = gate

    @handles(Add)
    async def add(self, msg: Add) -> int:
        self.total += msg.value
        self.seen.append(msg.value)
        return self.total

    @handles(GetTotal)
    async def get_total(self, msg: GetTotal) -> int:
        return self.total

    @handles(Hold)
    async def hold(self, msg: Hold) -> None:
        await self.gate.wait()

    @handles(Boom)
    async def boom(self, msg: Boom) -> None:
        raise ValueError("no such question")


async def test_ask_returns_the_handlers_reply(make_system):
    system = make_system()
    ref = system.spawn("counter", factory=Counter)
    await system.start()
    assert await ref.ask(Add(value=2)) == 2
    assert await ref.ask(Add(value=3)) == 5


async def test_tells_are_processed_in_order(make_system):
    system = make_system()
    ref = system.spawn("counter", factory=Counter)
    await system.start()
    for value in range(1, 51):
        await ref.tell(Add(value=value))
    assert await ref.ask(GetTotal()) == sum(range(1, 51))
    assert ref.shards[0].instance.seen == list(range(1, 51))


async def test_ask_times_out_and_the_actor_goes_on(make_system):
    gate = asyncio.Event()
    system = make_system()
    ref = system.spawn("counter", factory=lambda: Counter(gate))
    await system.start()
    started = time.perf_counter()
    with pytest.raises(AskTimeout, match=r"counter.*Hold"):
        await ref.ask(Hold(), timeout=0.05)
    assert 0.04 <= time.perf_counter() - started < 0.5
    gate.set()
    assert await ref.ask(Add(value=1)) == 1


async def test_full_mailbox_makes_senders_busy_after_the_busy_wait(make_system):
    gate = asyncio.Event()
    system = make_system(busy_wait=0.05)
    ref = system.spawn("counter", factory=lambda: Counter(gate), mailbox_size=2)
    await system.start()
    await ref.tell(Hold())
    await asyncio.sleep(0.01)  # the handler took Hold: the mailbox is empty and the actor blocked
    await ref.tell(Add(value=1))
    await ref.tell(Add(value=2))
    assert ref.metrics()["mailbox"] == 2
    started = time.perf_counter()
    with pytest.raises(ActorBusy, match="counter"):
        await ref.tell(Add(value=100))
    with pytest.raises(ActorBusy):
        await ref.ask(Add(value=100))
    assert time.perf_counter() - started >= 0.09  # two busy waits of 0.05 s
    gate.set()
    assert await ref.ask(GetTotal()) == 3  # the refused messages were never enqueued


async def test_a_waiting_sender_gets_in_when_room_appears(make_system):
    gate = asyncio.Event()
    system = make_system(busy_wait=1.0)
    ref = system.spawn("counter", factory=lambda: Counter(gate), mailbox_size=1)
    await system.start()
    await ref.tell(Hold())
    await asyncio.sleep(0.01)
    await ref.tell(Add(value=1))
    asyncio.get_running_loop().call_later(0.05, gate.set)
    assert await ref.ask(Add(value=2)) == 3


async def test_handler_exception_goes_to_the_caller_and_the_actor_goes_on(make_system):
    system = make_system()
    ref = system.spawn("counter", factory=Counter)
    await system.start()
    with pytest.raises(ValueError, match="no such question"):
        await ref.ask(Boom())
    assert await ref.ask(Add(value=7)) == 7
    metrics = ref.metrics()
    assert (metrics["failed"], metrics["handled"], metrics["restarts"]) == (1, 1, 0)


async def test_tell_handler_exception_is_logged_with_the_actor_name(make_system, log_records):
    system = make_system()
    ref = system.spawn("counter", factory=Counter)
    await system.start()
    await ref.tell(Boom())
    assert await ref.ask(Add(value=1)) == 1
    errors = [r for r in log_records if r["level"].name == "ERROR"]
    assert len(errors) == 1
    assert errors[0]["extra"]["actor"] == "counter"
    assert "Boom" in errors[0]["message"]
    assert isinstance(errors[0]["exception"].value, ValueError)
    assert ref.metrics()["failed"] == 1


async def test_unknown_message_type_is_a_clear_type_error(make_system):
    system = make_system()
    ref = system.spawn("counter", factory=Counter)
    await system.start()
    with pytest.raises(TypeError, match=r"'counter'.*NobodyHandlesMe") as caught:
        await ref.ask(NobodyHandlesMe())
    assert isinstance(caught.value, UnhandledMessage)
    assert await ref.ask(Add(value=1)) == 1


async def test_only_messages_can_be_sent(make_system):
    system = make_system()
    ref = system.spawn("counter", factory=Counter)
    await system.start()
    with pytest.raises(TypeError, match="Message"):
        await ref.ask({"value": 1})


async def test_the_same_type_handled_twice_in_one_class_fails_at_definition():
    with pytest.raises(TypeError, match="Add handled twice"):
        class Twice(Actor):
            @handles(Add)
            async def one(self, msg): ...

            @handles(Add)
            async def two(self, msg): ...


class Refuse(Message):
    """Answers with an expected domain error after a delay."""
    delay: float = 0.0


class Refuser(Actor):
    @handles(Refuse)
    async def refuse(self, msg: Refuse) -> None:
        from actors.users.errors import InvalidCredentials

        await asyncio.sleep(msg.delay)
        raise InvalidCredentials()


async def test_an_expected_error_nobody_waits_for_is_one_info_line_without_traceback(make_system, log_records):
    system = make_system()
    ref = system.spawn("auth", factory=Refuser)
    await system.start()
    with pytest.raises(AskTimeout):
        await ref.ask(Refuse(delay=0.2), timeout=0.05)  # the caller gives up: the answer has no reader
    await asyncio.sleep(0.3)
    lines = [r for r in log_records if "InvalidCredentials" in r["message"]]
    assert [r["level"].name for r in lines] == ["INFO"] and lines[0]["exception"] is None
    assert not [r for r in log_records if r["level"].name in ("WARNING", "ERROR")]
