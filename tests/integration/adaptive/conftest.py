"""Fixtures of the adaptive tests (helpers in adaptive_support.py): a migrated database per test, the
seed bank, real training and adaptive actors wired by app/wiring/concerns.py, reminders on demand."""
from __future__ import annotations

import random
from collections.abc import AsyncIterator

import pytest

from actors.adaptive.scheduler import MistakesScheduler
from actors.aspects import configure_cache
from actors.bank.actor import BankActor
from actors.runtime import ActorSystem
from actors.training.actor import TrainingActor
from actors.training.filters import QuestionFilter
from actors.training.routing import training_shard_key
from app.wiring.concerns import spawn_adaptive
from app.wiring.running import running_system
from storage.postgres import Database
from tests.support.quick_relay import QUICK_RELAY
from tests.integration.adaptive.adaptive_support import (
    ROOT,
    Adaptive,
    FakeClock,
    FakeSender,
    Reminders,
    serve_through_training,
    start_reminders,
)


@pytest.fixture
async def backend(database: Database) -> AsyncIterator[Adaptive]:
    configure_cache(None)  # no cached statistics from another test's database
    clock, filters = FakeClock(), {}

    async def filters_for(user_id: int) -> QuestionFilter:
        return filters.get(user_id, QuestionFilter())

    system = ActorSystem(default_ask_timeout=20.0, busy_wait=1.0)
    system.spawn("bank", lambda: BankActor(database, seed_dir=ROOT / "data" / "questions"))
    training = system.spawn("training", lambda: TrainingActor(database, filters_for, clock=clock,
                                                              rng=random.Random(4)),
                            shards=2, shard_key=training_shard_key)
    adaptive = spawn_adaptive(system, database, serve_through_training(training, database, clock), filters_for,
                              clock=clock, rng=random.Random(9), scheduler=MistakesScheduler(fuzz=False))
    async with running_system(system, database, instance="adaptive-test", relay=QUICK_RELAY, drain_timeout=5.0):
        yield Adaptive(system, training, adaptive, database, clock, filters)


@pytest.fixture
async def reminders(backend: Adaptive) -> Reminders:
    """Rounds run only when a test asks (RunReminders); the periodic tick has a test of its own."""
    sender = FakeSender()
    return Reminders(backend, sender, start_reminders(backend, sender, tick_seconds=None))
