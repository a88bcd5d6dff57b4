"""@cached answers queries from the cache until the ttl runs out or a command invalidates them."""
from __future__ import annotations

import asyncio

from actors.aspects import cached, invalidate, invalidates
from actors.runtime import Actor, Message, handles


class GetUserStats(Message):
    user_id: int


class GetNothing(Message):
    user_id: int


class SubmitAnswer(Message):
    user_id: int


class StatsView(Message):
    user_id: int
    answered: int


class Stats(Actor):
    def __init__(self) -> None:
        self.answered: dict[int, int] = {}
        self.computed = 0

    @handles(GetUserStats)
    @cached(ttl=30, key=lambda msg: msg.user_id, namespace="stats")
    async def get_stats(self, msg: GetUserStats) -> StatsView:
        self.computed += 1
        return StatsView(user_id=msg.user_id, answered=self.answered.get(msg.user_id, 0))

    @handles(GetNothing, logged=False, timed=False)
    @cached(ttl=30, key=lambda msg: msg.user_id, namespace="stats")
    async def get_nothing(self, msg: GetNothing) -> None:
        self.computed += 1

    @handles(SubmitAnswer)
    @invalidates("stats", key=lambda msg: msg.user_id)
    async def submit(self, msg: SubmitAnswer) -> int:
        self.answered[msg.user_id] = self.answered.get(msg.user_id, 0) + 1
        return self.answered[msg.user_id]


class ShortLived(Stats):
    @handles(GetUserStats, logged=False, timed=False)
    @cached(ttl=0.05, key=lambda msg: msg.user_id, namespace="short")
    async def get_stats(self, msg: GetUserStats) -> StatsView:
        self.computed += 1
        return StatsView(user_id=msg.user_id, answered=self.computed)


async def started(make_system, factory=Stats):
    system = make_system()
    ref = system.spawn("stats", factory=factory)
    await system.start()
    return ref, ref.shards[0].instance


async def test_a_second_query_is_a_hit_and_returns_the_model_unchanged(make_system):
    ref, stats = await started(make_system)
    first = await ref.ask(GetUserStats(user_id=1))
    second = await ref.ask(GetUserStats(user_id=1))
    assert stats.computed == 1
    assert second is first  # memory cache: the very model the handler returned
    assert isinstance(second, StatsView) and second == StatsView(user_id=1, answered=0)


async def test_keys_are_cached_separately(make_system):
    ref, stats = await started(make_system)
    await ref.ask(GetUserStats(user_id=1))
    await ref.ask(GetUserStats(user_id=2))
    await ref.ask(GetUserStats(user_id=2))
    assert stats.computed == 2


async def test_a_none_reply_is_cached_too(make_system):
    ref, stats = await started(make_system)
    assert await ref.ask(GetNothing(user_id=1)) is None
    assert await ref.ask(GetNothing(user_id=1)) is None
    assert stats.computed == 1


async def test_an_entry_expires_after_its_ttl(make_system):
    ref, stats = await started(make_system, ShortLived)
    assert (await ref.ask(GetUserStats(user_id=1))).answered == 1
    assert (await ref.ask(GetUserStats(user_id=1))).answered == 1
    await asyncio.sleep(0.08)
    assert (await ref.ask(GetUserStats(user_id=1))).answered == 2
    assert stats.computed == 2


async def test_a_command_invalidates_the_queries_of_its_key_only(make_system):
    ref, stats = await started(make_system)
    await ref.ask(GetUserStats(user_id=1))
    await ref.ask(GetUserStats(user_id=2))
    await ref.ask(GetNothing(user_id=1))
    assert await ref.ask(SubmitAnswer(user_id=1)) == 1
    assert (await ref.ask(GetUserStats(user_id=1))).answered == 1  # recomputed
    await ref.ask(GetUserStats(user_id=2))  # still cached
    await ref.ask(GetNothing(user_id=1))  # same namespace: recomputed as well
    assert stats.computed == 3 + 2


async def test_invalidate_can_be_called_directly(make_system):
    ref, stats = await started(make_system)
    await ref.ask(GetUserStats(user_id=1))
    await invalidate("stats", 1)
    await ref.ask(GetUserStats(user_id=1))
    assert stats.computed == 2


async def test_a_broken_cache_falls_through_to_the_handler(make_system, fresh_cache, log_records):
    async def broken(*args, **kwargs):
        raise ConnectionError("redis away")

    fresh_cache.get = fresh_cache.set = broken
    ref, stats = await started(make_system)
    assert (await ref.ask(GetUserStats(user_id=1))).answered == 0
    assert (await ref.ask(GetUserStats(user_id=1))).answered == 0
    assert stats.computed == 2
    assert sum("cache read failed" in r["message"] for r in log_records) == 2
