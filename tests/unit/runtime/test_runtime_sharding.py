"""Sharding: one key always reaches the same shard (order kept) while keys run in parallel."""
from __future__ import annotations

import asyncio
import random

import pytest

from actors.runtime import Actor, Message, handles


class Step(Message):
    user_id: int
    seq: int


class Rendezvous(Message):
    user_id: int


class Sequencer(Actor):
    def __init__(self, log: dict[int, list[int]], arrived: list[int], everyone: asyncio.Event,
                 expected: int) -> None:
        self.log = log
        self.arrived = arrived
        self.everyone = everyone
        self.expected = expected

    @handles(Step)
    async def step(self, msg: Step) -> None:
        if random.random() < 0.5:
            await asyncio.sleep(0)  # let other shards interleave
        self.log.setdefault(msg.user_id, []).append(msg.seq)

    @handles(Rendezvous)
    async def rendezvous(self, msg: Rendezvous) -> int:
        """Returns only when every shard is inside this handler at once: proves they run in parallel."""
        self.arrived.append(self.shard)
        if len(self.arrived) == self.expected:
            self.everyone.set()
        await self.everyone.wait()
        return self.shard


def spawn_sequencer(system, log, arrived=None, everyone=None, shards=4):
    return system.spawn("sequencer", shards=shards, shard_key=lambda msg: msg.user_id,
                        factory=lambda: Sequencer(log, arrived if arrived is not None else [],
                                                  everyone or asyncio.Event(), shards))


async def test_each_keys_messages_arrive_in_order_across_shards(make_system):
    log: dict[int, list[int]] = {}
    system = make_system()
    ref = spawn_sequencer(system, log)
    await system.start()
    users = list(range(20))
    for seq in range(25):  # interleaved: user 0..19 step 0, then user 0..19 step 1, ...
        random.shuffle(users)
        for user in users:
            await ref.tell(Step(user_id=user, seq=seq))
    await system.stop(drain_timeout=5.0)
    assert sorted(log) == list(range(20))
    assert all(log[user] == list(range(25)) for user in log)
    metrics = ref.metrics()
    assert (metrics["shards"], metrics["handled"], metrics["mailbox"]) == (4, 500, 0)
    assert all(shard.metrics.handled > 0 for shard in ref.shards)  # the keys spread over all shards


async def test_shards_run_concurrently(make_system):
    everyone = asyncio.Event()
    arrived: list[int] = []
    system = make_system()
    ref = spawn_sequencer(system, {}, arrived, everyone)
    await system.start()
    # int keys hash to themselves, so users 0..3 land on shards 0..3; one shard alone would deadlock
    replies = await asyncio.gather(*(ref.ask(Rendezvous(user_id=u), timeout=1.0) for u in range(4)))
    assert replies == [0, 1, 2, 3]
    assert sorted(arrived) == [0, 1, 2, 3]


async def test_sharding_needs_a_key(make_system):
    system = make_system()
    with pytest.raises(ValueError, match="shard_key"):
        system.spawn("sequencer", factory=lambda: None, shards=2)


async def test_health_reports_a_sharded_actor_under_one_name(make_system):
    system = make_system()
    spawn_sequencer(system, {})
    await system.start()
    health = system.health()
    assert list(health["actors"]) == ["sequencer"]
    entry = health["actors"]["sequencer"]
    assert (entry["shards"], entry["alive"], entry["healthy"]) == (4, True, True)
    assert health["healthy"] is True
