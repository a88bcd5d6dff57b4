"""Helpers of the adaptive integration tests: a clock the test moves, a fake Telegram sender, training's
ServeQuestion (or a stand-in until training has it), the running backend, and reminders spawned late."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import actors.training.messages as training_messages
from actors.adaptive.messages import GetDueReviews
from actors.adaptive.serving import ServeQuestionFn
from actors.mailing.pacing import ChatPacer, RateLimiter
from actors.mailing.sender import SendResult, Sent
from actors.runtime import ActorRef, ActorSystem
from actors.training.filters import QuestionFilter
from actors.training.messages import GetNextQuestion, QuestionView, SubmitAnswer
from actors.training.render import question_view
from actors.users.actor import UsersActor
from actors.users.routing import user_shard_key
from app.wiring.concerns import spawn_reminders, spawn_stats
from app.wiring.subscriptions import subscribe
from storage.documents.factory import open_document_store
from storage.postgres import Database
from storage.postgres.questions_repo import QuestionsRepository
from storage.postgres.training_repo import TrainingRepository

ROOT = Path(__file__).resolve().parents[3]


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # Monday, 12:00 in Moscow

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class FakeSender:
    """Records every message; `results` (a queue) decides the outcome of the next sends."""

    def __init__(self) -> None:
        self.sent: list[tuple[int, str]] = []
        self.results: list[SendResult] = []

    async def send(self, chat_id: int, html: str, photo: str | None, buttons=()) -> SendResult:
        result = self.results.pop(0) if self.results else Sent(len(self.sent) + 1)
        if isinstance(result, Sent):
            self.sent.append((chat_id, html))
        return result

    async def close(self) -> None:
        pass


def serve_through_training(training: ActorRef, database: Database, clock: FakeClock) -> ServeQuestionFn:
    """Training's ServeQuestion when it has one; until then the same rows it writes, written here."""
    serve_question = getattr(training_messages, "ServeQuestion", None)

    async def ask_training(user_id: int, question_id: int, channel: str, session_id: int | None) -> QuestionView:
        return await training.ask(serve_question(user_id=user_id, question_id=question_id, channel=channel,
                                                 session_id=session_id))

    async def write_rows(user_id: int, question_id: int, channel: str, session_id: int | None) -> QuestionView:
        sessions, questions, now = TrainingRepository(), QuestionsRepository(), clock()
        async with database.transaction() as tx:
            session = (await sessions.latest_open_session(tx, user_id, now - timedelta(hours=2))
                       or await sessions.create_session(tx, user_id, channel, now))
            pending = await sessions.pending(tx, session.id)
            if pending is not None:
                return question_view(await questions.get(tx, pending.question_id), pending.id, session.id)
            served = await sessions.serve(tx, user_id=user_id, question_id=question_id, channel=channel, now=now,
                                          session_id=session.id)
            return question_view(await questions.get(tx, question_id), served.id, session.id)

    return ask_training if serve_question is not None else write_rows


@dataclass
class Adaptive:
    system: ActorSystem
    training: ActorRef
    adaptive: ActorRef
    database: Database
    clock: FakeClock
    filters: dict[int, QuestionFilter] = field(default_factory=dict)
    _telegram_ids = iter(range(7000, 9000))

    async def user(self) -> int:
        return await self.fetchval("INSERT INTO users (telegram_id, display_name) VALUES (%(t)s, 'Student') "
                                   "RETURNING id", t=next(self._telegram_ids))

    async def fetchval(self, sql: str, **params: Any) -> Any:
        async with self.database.transaction() as tx:
            return await tx.fetchval(sql, params)

    async def fetchall(self, sql: str, **params: Any) -> list[dict]:
        async with self.database.transaction() as tx:
            return await tx.fetchall(sql, params)

    async def answer(self, user_id: int, view: QuestionView, correct: bool, elapsed_ms: int | None = 5000) -> None:
        right = await self.fetchval("SELECT correct_answer FROM questions WHERE id = %(id)s", id=view.question_id)
        if view.type == "open":
            answer = right[0] if correct else "совсем не то"
        elif correct:
            answer = right
        else:
            answer = {"yes_no": lambda: not right, "one": lambda: (right + 1) % len(view.options),
                      "multiple": lambda: [i for i in range(len(view.options)) if i not in right]}[view.type]()
        await self.training.ask(SubmitAnswer(user_id=user_id, served_id=view.served_id, answer=answer,
                                             elapsed_ms=elapsed_ms, channel="api"))

    async def applied(self, user_id: int) -> None:
        """Returns once every answer published so far for this user is applied: a query to the user's
        adaptive shard is handled after the events already in its mailbox."""
        await self.adaptive.ask(GetDueReviews(user_id=user_id, limit=0))

    async def train(self, user_id: int, correct: bool, elapsed_ms: int | None = 5000) -> QuestionView:
        """Plain training mode: the next question, answered rightly or wrongly."""
        view = await self.training.ask(GetNextQuestion(user_id=user_id, channel="api"))
        await self.answer(user_id, view, correct, elapsed_ms)
        await self.applied(user_id)
        return view


@dataclass
class Reminders:
    backend: Adaptive
    sender: FakeSender
    ref: ActorRef


def start_reminders(backend: Adaptive, sender: FakeSender, tick_seconds: float | None) -> ActorRef:
    """Users, stats (documents in PostgreSQL) and reminders, spawned late on the running system."""
    system, database = backend.system, backend.database
    users = system.spawn("users", lambda: UsersActor(database), shards=2, shard_key=user_shard_key)
    stats = spawn_stats(system, open_document_store(None, database), database, users, clock=backend.clock)
    reminders = spawn_reminders(system, database, backend.adaptive, stats, sender, RateLimiter(50.0),
                                ChatPacer(0.0), tick_seconds=tick_seconds, clock=backend.clock)
    subscribe(system)  # the late stats hear answers too
    return reminders
