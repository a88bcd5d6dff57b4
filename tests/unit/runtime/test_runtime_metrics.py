"""Metrics: counters, mailbox depth and latency percentiles per actor."""
from __future__ import annotations

import asyncio

import pytest

from actors.runtime import Actor, Message, handles
from actors.runtime.metrics import percentile


class Sleep(Message):
    seconds: float


class Fail(Message):
    pass


class Sleeper(Actor):
    def __init__(self, gate: asyncio.Event | None = None) -> None:
        self.gate = gate

    @handles(Sleep)
    async def sleep(self, msg: Sleep) -> None:
        if self.gate is not None:
            await self.gate.wait()
        await asyncio.sleep(msg.seconds)

    @handles(Fail)
    async def fail(self, msg: Fail) -> None:
        raise LookupError("missing")


def test_percentile_is_nearest_rank_in_milliseconds():
    samples = [n / 1000.0 for n in range(100, 0, -1)]  # 1..100 ms, unsorted
    assert percentile(samples, 50) == 50.0
    assert percentile(samples, 95) == 95.0
    assert percentile([0.004], 95) == 4.0
    assert percentile([], 50) is None


async def test_counters_and_latency(make_system):
    system = make_system()
    ref = system.spawn("sleeper", factory=Sleeper)
    await system.start()
    assert ref.metrics()["p50_ms"] is None
    for _ in range(17):
        await ref.ask(Sleep(seconds=0))
    await ref.ask(Sleep(seconds=0.03))
    for _ in range(2):
        with pytest.raises(LookupError):
            await ref.ask(Fail())
    metrics = ref.metrics()
    assert (metrics["handled"], metrics["failed"], metrics["restarts"], metrics["mailbox"]) == (18, 2, 0, 0)
    assert metrics["p50_ms"] < 5.0
    assert metrics["p95_ms"] < 5.0  # 20 samples, one slow: the 19th smallest is still fast
    await ref.ask(Sleep(seconds=0.03))
    metrics = ref.metrics()
    assert 30.0 <= metrics["p95_ms"] < 200.0  # 21 samples, two slow: the 20th smallest is slow
    assert metrics["p50_ms"] < 5.0
    assert system.health()["actors"]["sleeper"] == metrics


async def test_mailbox_depth_counts_waiting_messages(make_system):
    gate = asyncio.Event()
    system = make_system()
    ref = system.spawn("sleeper", factory=lambda: Sleeper(gate))
    await system.start()
    for _ in range(4):
        await ref.tell(Sleep(seconds=0))
    await asyncio.sleep(0.01)
    assert ref.metrics()["mailbox"] == 3  # one is in the handler, three wait
    gate.set()
    await ref.ask(Sleep(seconds=0))
    assert ref.metrics()["mailbox"] == 0
    assert ref.metrics()["handled"] == 5


async def test_an_ask_whose_caller_gave_up_is_skipped_and_counted(make_system):
    gate = asyncio.Event()
    system = make_system()
    ref = system.spawn("sleeper", factory=lambda: Sleeper(gate))
    await system.start()
    await ref.tell(Sleep(seconds=0))
    with pytest.raises(TimeoutError):
        await ref.ask(Sleep(seconds=0), timeout=0.02)
    gate.set()
    await ref.ask(Sleep(seconds=0))
    assert (ref.metrics()["expired"], ref.metrics()["handled"]) == (1, 2)
