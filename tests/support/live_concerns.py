"""The real concerns on real servers: users, bank (seed questions) and training on PostgreSQL, stats and
filters on each document adapter, wired by app/wiring as production wires them.
Test folders use it with `from tests.support.live_concerns import live` in their conftest.py."""
from __future__ import annotations

import random
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from actors.aspects import configure_cache
from actors.bank.actor import BankActor
from actors.runtime import ActorRef, ActorSystem
from actors.training.actor import TrainingActor
from actors.training.messages import GetNextQuestion, QuestionView, SubmitAnswer
from actors.users.actor import UsersActor
from actors.users.messages import Grade, RegisterTelegramUser
from actors.users.routing import user_shard_key
from actors.training.routing import training_shard_key
from app.wiring.concerns import SEED_QUESTIONS_DIR, spawn_filters, spawn_stats
from app.wiring.running import running_system
from storage.documents import DocumentStore
from storage.postgres import Database
from tests.support.documents import BACKENDS, any_store
from tests.support.quick_relay import QUICK_RELAY


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)  # Monday, 09:00 in Moscow

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Live:
    system: ActorSystem
    training: ActorRef
    stats: ActorRef
    filters: ActorRef
    documents: DocumentStore
    database: Database
    clock: FakeClock
    backend: str
    mongo_url: str | None  # with the test's own database in the path, when backend == "mongo"
    _telegram_ids = iter(range(5000, 6000))

    async def user(self, name: str = "Student", timezone_name: str | None = None) -> int:
        user = await self.system.ask(RegisterTelegramUser(telegram_id=next(self._telegram_ids),
                                                          display_name=name, grade=Grade.G9))
        if timezone_name:  # no message changes it yet; set before anyone reads (and caches) the user
            await self.sql("UPDATE users SET timezone = %(tz)s WHERE id = %(id)s",
                           tz=timezone_name, id=user.id)
        return user.id

    async def sql(self, query: str, **params: Any) -> list[dict]:
        async with self.database.transaction() as tx:
            if query.lstrip().upper().startswith("SELECT"):
                return await tx.fetchall(query, params)
            await tx.execute(query, params)
            return []

    async def answer(self, user_id: int, correct: bool, elapsed_ms: int | None = 2000) -> QuestionView:
        """Shows the next question and answers it rightly or wrongly, as a student would."""
        question = await self.training.ask(GetNextQuestion(user_id=user_id, channel="api"))
        [row] = await self.sql("SELECT correct_answer FROM questions WHERE id = %(id)s",
                               id=question.question_id)
        await self.training.ask(SubmitAnswer(user_id=user_id, served_id=question.served_id, channel="api",
                                             answer=answer_for(question, row["correct_answer"], correct),
                                             elapsed_ms=elapsed_ms))
        return question


def answer_for(question: QuestionView, right: Any, correct: bool) -> Any:
    if correct:
        return right[0] if question.type == "open" else right  # open: the accepted answers
    return {"yes_no": lambda: not right, "one": lambda: (right + 1) % len(question.options),
            "multiple": list, "open": lambda: "заведомо неверно"}[question.type]()


@pytest.fixture(params=BACKENDS)
async def live(request: pytest.FixtureRequest, empty_database: str, tmp_path: Path) -> AsyncIterator[Live]:
    configure_cache(None)
    async with any_store(request.param, request, empty_database, tmp_path,
                         only_documents=False) as (documents, database):
        clock = FakeClock()
        system = ActorSystem(default_ask_timeout=20.0, busy_wait=1.0)
        users = system.spawn("users", lambda: UsersActor(database), shards=2, shard_key=user_shard_key)
        system.spawn("bank", lambda: BankActor(database, seed_dir=SEED_QUESTIONS_DIR))
        stats = spawn_stats(system, documents, database, users, clock=clock)
        filters, filters_for = spawn_filters(system, documents, database)
        training = system.spawn("training", lambda: TrainingActor(database, filters_for, clock=clock,
                                                                  rng=random.Random(5)),
                                shards=2, shard_key=training_shard_key)
        async with running_system(system, database, instance="live-test", relay=QUICK_RELAY, drain_timeout=5.0):
            mongo_url = (request.getfixturevalue("mongo_server") + documents._db.name
                         if request.param == "mongo" else None)
            yield Live(system, training, stats, filters, documents, database, clock, request.param, mongo_url)
