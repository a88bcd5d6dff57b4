"""Bank and training on a real PostgreSQL: a migrated database per test, the seed bank loaded by the
bank actor, a training actor on a clock the test moves, and every published event recorded."""
from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from actors.bank.actor import BankActor
from actors.runtime import Actor, ActorRef, ActorSystem, Event, handles
from actors.training.actor import TrainingActor
from actors.training.filters import QuestionFilter
from actors.training.question_cache import QuestionCache
from actors.training.views import QuestionView
from actors.training.routing import training_shard_key
from app.wiring.running import running_system
from storage.postgres import Database
from tests.support.quick_relay import QUICK_RELAY

ROOT = Path(__file__).resolve().parents[3]
SEED_DIR = ROOT / "data" / "questions"


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class EventLog(Actor):
    def __init__(self, events: list[Event]) -> None:
        self.events = events

    @handles(Event, logged=False, timed=False)
    async def record(self, event: Event) -> None:
        self.events.append(event)


@dataclass
class Backend:
    system: ActorSystem
    bank: ActorRef
    training: ActorRef
    database: Database
    clock: FakeClock
    events: list[Event]
    filters: dict[int, QuestionFilter] = field(default_factory=dict)

    async def settled(self) -> list[Event]:
        """Events published so far, once the event log has read its mailbox."""
        for _ in range(100):
            if all(len(shard.mailbox) == 0 and not shard.busy for shard in self.system.ref("events").shards):
                break
            await asyncio.sleep(0.01)
        return self.events

    def of(self, event_type: type) -> list:
        return [e for e in self.events if isinstance(e, event_type)]

    async def right_answer(self, view: QuestionView) -> object:
        """The stored correct answer in the shape SubmitAnswer takes (an open question: one accepted)."""
        correct = await self.fetchval("SELECT correct_answer FROM questions WHERE id = %(id)s", id=view.question_id)
        return correct[0] if view.type == "open" else correct

    @staticmethod
    def wrong_answer(view: QuestionView, correct: object) -> object:
        return {"yes_no": lambda: not correct, "one": lambda: (correct + 1) % len(view.options),
                "multiple": lambda: [i for i in range(len(view.options)) if i not in correct],
                "open": lambda: "совсем не то"}[view.type]()

    async def fetchval(self, sql: str, **params: object) -> object:
        async with self.database.transaction() as tx:
            return await tx.fetchval(sql, params)


@pytest.fixture
def make_user(database: Database) -> Callable[[], Awaitable[int]]:
    counter = iter(range(1000, 100000))

    async def make() -> int:
        async with database.transaction() as tx:
            return await tx.fetchval("INSERT INTO users (telegram_id, display_name) VALUES (%(t)s, 'Student') "
                                     "RETURNING id", {"t": next(counter)})

    return make


def start_backend(database: Database, clock: FakeClock, events: list[Event],
                  filters: dict[int, QuestionFilter], seed: bool = True) -> tuple[ActorSystem, ActorRef, ActorRef]:
    async def filters_for(user_id: int) -> QuestionFilter:
        return filters.get(user_id, QuestionFilter())

    system = ActorSystem(default_ask_timeout=20.0, busy_wait=1.0)
    bank = system.spawn("bank", lambda: BankActor(database, seed_dir=SEED_DIR if seed else None))
    question_cache = QuestionCache()
    training = system.spawn("training", lambda: TrainingActor(database, filters_for, clock=clock,
                                                              rng=random.Random(4),
                                                              question_cache=question_cache),
                            shards=2, shard_key=training_shard_key)
    system.subscribe(Event, system.spawn("events", lambda: EventLog(events)))
    return system, bank, training


@pytest.fixture
async def backend(database: Database) -> AsyncIterator[Backend]:
    clock, events, filters = FakeClock(), [], {}
    system, bank, training = start_backend(database, clock, events, filters)
    async with running_system(system, database, instance="training-test", relay=QUICK_RELAY, drain_timeout=5.0):
        yield Backend(system, bank, training, database, clock, events, filters)


@pytest.fixture
async def empty_bank(database: Database) -> AsyncIterator[Backend]:
    """The same backend without the seed: the bank starts empty."""
    clock, events, filters = FakeClock(), [], {}
    system, bank, training = start_backend(database, clock, events, filters, seed=False)
    async with running_system(system, database, instance="training-test", relay=QUICK_RELAY, drain_timeout=5.0):
        yield Backend(system, bank, training, database, clock, events, filters)
