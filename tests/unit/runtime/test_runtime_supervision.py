"""Supervision: a crashed loop restarts with a fresh instance and the same mailbox, within a budget."""
from __future__ import annotations

import asyncio
import itertools

import pytest

from actors.runtime import Actor, ActorCrash, ActorStopped, Message, SupervisorPolicy, handles
from actors.runtime.supervisor import RestartBudget

FAST = SupervisorPolicy(max_restarts=3, within_seconds=60, backoff_initial=0.01, backoff_max=0.05)


class Record(Message):
    value: int


class Crash(Message):
    pass


class GetState(Message):
    pass


class Recorder(Actor):
    ids = itertools.count(1)

    def __init__(self, journal: list[str]) -> None:
        self.instance_id = next(self.ids)
        self.values: list[int] = []
        self.journal = journal

    async def on_start(self) -> None:
        self.journal.append(f"start {self.instance_id}")

    async def on_stop(self) -> None:
        self.journal.append(f"stop {self.instance_id}")

    @handles(Record)
    async def record(self, msg: Record) -> None:
        self.values.append(msg.value)

    @handles(Crash)
    async def crash(self, msg: Crash) -> None:
        raise ActorCrash("state is corrupt")

    @handles(GetState)
    async def state(self, msg: GetState) -> tuple[int, list[int]]:
        return self.instance_id, list(self.values)


async def test_loop_crash_restarts_a_fresh_instance_and_keeps_the_mailbox(make_system):
    journal: list[str] = []
    system = make_system()
    ref = system.spawn("recorder", factory=lambda: Recorder(journal), policy=FAST)
    await system.start()
    first_id, _ = await ref.ask(GetState())
    await ref.tell(Record(value=1))
    await ref.tell(Crash())
    for value in (2, 3, 4):  # queued while the actor crashes and backs off
        await ref.tell(Record(value=value))
    second_id, values = await ref.ask(GetState())
    assert second_id != first_id
    assert values == [2, 3, 4]  # the fresh instance has fresh state and got every queued message
    assert journal == [f"start {first_id}", f"stop {first_id}", f"start {second_id}"]
    metrics = ref.metrics()
    assert (metrics["restarts"], metrics["alive"], metrics["healthy"]) == (1, True, True)


async def test_the_ask_that_crashed_the_loop_fails_at_once(make_system):
    system = make_system()
    ref = system.spawn("recorder", factory=lambda: Recorder([]), policy=FAST)
    await system.start()
    with pytest.raises(ActorCrash):
        await ref.ask(Crash(), timeout=5.0)


async def test_failing_on_start_is_retried_until_it_succeeds(make_system):
    attempts = []

    class Flaky(Recorder):
        async def on_start(self) -> None:
            attempts.append(1)
            if len(attempts) < 3:
                raise ConnectionError("database not up yet")

    system = make_system()
    ref = system.spawn("flaky", factory=lambda: Flaky([]), policy=FAST)
    await system.start()  # returns once the actor runs
    assert len(attempts) == 3
    assert ref.metrics()["restarts"] == 2
    assert system.health()["healthy"] is True
    assert (await ref.ask(GetState()))[1] == []


async def test_spent_budget_marks_the_actor_unhealthy_and_fails_pending_asks(make_system):
    class Broken(Recorder):
        async def on_start(self) -> None:
            raise ConnectionError("never comes up")

    system = make_system()
    policy = SupervisorPolicy(max_restarts=2, within_seconds=60, backoff_initial=0.01, backoff_max=0.02)
    healthy = system.spawn("healthy", factory=lambda: Recorder([]))
    broken = system.spawn("broken", factory=lambda: Broken([]), policy=policy)
    await broken.tell(Record(value=1))  # queued before start: nobody will ever handle it
    await system.start()
    health = system.health()
    assert health["healthy"] is False
    assert health["actors"]["broken"]["healthy"] is False
    assert health["actors"]["broken"]["alive"] is False
    assert health["actors"]["broken"]["restarts"] == 2
    assert health["actors"]["broken"]["mailbox"] == 0
    assert health["actors"]["healthy"]["healthy"] is True
    with pytest.raises(ActorStopped, match="broken"):
        await broken.ask(GetState())
    assert (await healthy.ask(GetState()))[1] == []


async def test_asks_queued_when_the_budget_runs_out_get_actor_stopped(make_system):
    system = make_system()
    policy = SupervisorPolicy(max_restarts=0, within_seconds=60, backoff_initial=0.01, backoff_max=0.01)
    ref = system.spawn("recorder", factory=lambda: Recorder([]), policy=policy)
    await system.start()
    crash = asyncio.ensure_future(ref.ask(Crash()))
    pending = asyncio.ensure_future(ref.ask(GetState(), timeout=5.0))
    with pytest.raises(ActorCrash):
        await crash
    with pytest.raises(ActorStopped):
        await pending
    assert ref.metrics()["healthy"] is False


def test_restart_budget_doubles_the_delay_and_forgets_old_restarts():
    budget = RestartBudget(SupervisorPolicy(max_restarts=3, within_seconds=10, backoff_initial=0.1,
                                            backoff_max=0.3))
    assert [budget.next_delay(t) for t in (0.0, 1.0, 2.0, 3.0)] == [0.1, 0.2, 0.3, None]
    assert budget.next_delay(10.5) == 0.3  # the restart at 0.0 left the window; two remain in it
    assert budget.next_delay(10.6) is None
