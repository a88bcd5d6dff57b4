"""TRACE: the sender's request id / user id follow the message into the handler and its log lines."""
from __future__ import annotations

import asyncio

from loguru import logger

from actors.runtime import TRACE, Actor, ActorRef, Message, handles, trace_scope


class WhoAmI(Message):
    pass


class Forward(Message):
    pass


class Echo(Actor):
    @handles(WhoAmI)
    async def who(self, msg: WhoAmI) -> dict:
        logger.info("handling who-am-i")
        return dict(TRACE.get())


class Forwarder(Actor):
    def __init__(self, target: ActorRef) -> None:
        self.target = target

    @handles(Forward)
    async def forward(self, msg: Forward) -> dict:
        return await self.target.ask(WhoAmI())


async def test_the_callers_trace_reaches_the_handler(make_system):
    system = make_system()
    ref = system.spawn("echo", factory=Echo)
    await system.start()
    token = TRACE.set({"request_id": "r-1", "user_id": 42, "channel": "api"})
    try:
        assert await ref.ask(WhoAmI()) == {"request_id": "r-1", "user_id": 42, "channel": "api"}
    finally:
        TRACE.reset(token)
    assert await ref.ask(WhoAmI()) == {}  # the next message does not inherit the previous trace


async def test_log_lines_in_a_handler_carry_the_trace_and_the_actor(make_system, log_records):
    system = make_system()
    ref = system.spawn("echo", factory=Echo)
    await system.start()
    with trace_scope(request_id="r-2", user_id=7):
        await ref.ask(WhoAmI())
    [record] = [r for r in log_records if r["message"] == "handling who-am-i"]
    assert record["extra"] == {"actor": "echo", "request_id": "r-2", "user_id": 7}


async def test_the_trace_follows_a_message_from_actor_to_actor(make_system):
    system = make_system()
    echo = system.spawn("echo", factory=Echo)
    forwarder = system.spawn("forwarder", factory=lambda: Forwarder(echo))
    await system.start()
    with trace_scope(request_id="r-3", channel="bot"):
        assert await forwarder.ask(Forward()) == {"request_id": "r-3", "channel": "bot"}


async def test_changing_the_trace_after_sending_does_not_change_the_envelope(make_system):
    system = make_system()
    ref = system.spawn("echo", factory=Echo)
    await system.start()
    trace = {"request_id": "before"}
    token = TRACE.set(trace)
    try:
        pending = asyncio.ensure_future(ref.ask(WhoAmI()))
        await asyncio.sleep(0)  # the ask is enqueued; the actor has not run yet
        trace["request_id"] = "after"  # a careless in-place change by the sender
    finally:
        TRACE.reset(token)
    assert await pending == {"request_id": "before"}
