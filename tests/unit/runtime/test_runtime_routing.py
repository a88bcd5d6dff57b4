"""system.ask / system.tell route by message type, so edges need no actor names."""
from __future__ import annotations

import pytest

from actors.runtime import Actor, ActorCrash, Message, NoRoute, SupervisorPolicy, handles


class GetNextQuestion(Message):
    user_id: int


class Crash(Message):
    pass


class UserRegistered(Message):
    user_id: int


class Training(Actor):
    @handles(GetNextQuestion)
    async def next_question(self, msg: GetNextQuestion) -> str:
        return f"question for {msg.user_id}"

    @handles(Crash)
    async def crash(self, msg: Crash) -> None:
        raise ActorCrash("boom")

    @handles(UserRegistered)
    async def registered(self, msg: UserRegistered) -> None: ...


class Stats(Actor):
    @handles(UserRegistered)
    async def registered(self, msg: UserRegistered) -> None: ...


async def test_ask_by_type_reaches_the_one_actor_that_handles_it(make_system):
    system = make_system()
    system.spawn("training", factory=Training)
    system.spawn("stats", factory=Stats)
    await system.start()
    assert await system.ask(GetNextQuestion(user_id=3)) == "question for 3"
    assert system.route(GetNextQuestion) is system.ref("training")


async def test_the_route_holds_while_the_actor_restarts(make_system):
    system = make_system()
    policy = SupervisorPolicy(backoff_initial=0.01, backoff_max=0.01)
    system.spawn("training", factory=Training, policy=policy)
    await system.start()
    await system.tell(Crash())
    assert await system.ask(GetNextQuestion(user_id=4)) == "question for 4"
    assert system.ref("training").metrics()["restarts"] == 1


async def test_a_type_with_several_or_no_handlers_has_no_route(make_system):
    system = make_system()
    system.spawn("training", factory=Training)
    system.spawn("stats", factory=Stats)
    with pytest.raises(NoRoute, match="none"):
        await system.ask(GetNextQuestion(user_id=1))  # not started: nothing is known yet
    await system.start()
    with pytest.raises(NoRoute, match="training, stats"):
        await system.tell(UserRegistered(user_id=1))


async def test_an_unknown_actor_name_lists_the_spawned_ones(make_system):
    system = make_system()
    system.spawn("training", factory=Training)
    with pytest.raises(KeyError, match="spawned: training"):
        system.ref("stats")
    with pytest.raises(ValueError, match="already spawned"):
        system.spawn("training", factory=Training)


async def test_an_actor_spawned_after_start_runs_at_once(make_system):
    system = make_system()
    await system.start()
    ref = system.spawn("training", factory=Training)
    assert await ref.ask(GetNextQuestion(user_id=9)) == "question for 9"
    assert system.health()["actors"]["training"]["alive"] is True
