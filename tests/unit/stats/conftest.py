"""The stats actor on fakes: an in-memory document store, attempts in a list, a clock the test sets."""
from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest

from actors.aspects import configure_cache
from actors.runtime import ActorRef, ActorSystem
from actors.stats.actor import StatsActor
from actors.stats.apply import AnswerFact
from actors.stats.routing import stats_shard_key
from actors.training.messages import AnswerSubmitted
from actors.users.errors import UserNotFound
from actors.users.messages import AccountDeleted, AccountsMerged
from tests.support.memory_documents import MemoryDocumentStore


class FakeHistory:
    """The attempts table, as the rebuild reads it."""

    def __init__(self) -> None:
        self.facts: list[AnswerFact] = []

    async def user_ids(self) -> list[int]:
        return sorted({f.user_id for f in self.facts})

    async def page(self, user_id: int, after_id: int, limit: int) -> list[AnswerFact]:
        mine = sorted((f for f in self.facts if f.user_id == user_id and f.attempt_id > after_id),
                      key=lambda f: f.attempt_id)
        return mine[:limit]


@dataclass
class StatsWorld:
    system: ActorSystem
    stats: ActorRef
    documents: MemoryDocumentStore
    history: FakeHistory
    zones: dict[int, str]
    names: dict[int, str]
    deleted: set[int]
    now: list[datetime] = field(default_factory=list)

    async def answer(self, event: AnswerSubmitted, *, record: bool = True) -> None:
        """As training does: the attempt is committed, then the event published."""
        if record:
            fields = event.model_dump(include=set(AnswerFact.model_fields))
            self.history.facts.append(AnswerFact.model_validate(fields))
        await self.system.publish(event)


@pytest.fixture
async def world() -> AsyncIterator[StatsWorld]:
    configure_cache(None)  # a fresh cache: no answer of an earlier test is served
    documents, history = MemoryDocumentStore(), FakeHistory()
    zones: dict[int, str] = {}
    names: dict[int, str] = {}
    now = [datetime(2026, 3, 4, 12, 0, tzinfo=UTC)]

    deleted: set[int] = set()

    async def timezone_of(user_id: int) -> str:
        if user_id in deleted:
            raise UserNotFound()
        return zones.get(user_id, "Europe/Moscow")

    async def names_of(user_ids: list[int]) -> dict[int, str | None]:
        return {uid: names.get(uid) for uid in user_ids}

    system = ActorSystem(default_ask_timeout=5.0, busy_wait=0.5)
    stats = system.spawn("stats", lambda: StatsActor(documents, history, timezone_of, names_of,
                                                     clock=lambda: now[0]),
                         shards=2, shard_key=stats_shard_key)
    system.subscribe(AnswerSubmitted, stats)
    system.subscribe(AccountsMerged, stats)
    system.subscribe(AccountDeleted, stats)
    await system.start()
    yield StatsWorld(system, stats, documents, history, zones, names, deleted, now)
    await system.stop(drain_timeout=2.0)
