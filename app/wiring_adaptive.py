"""Wiring of adaptive learning (issue #10): the adaptive and reminders actors. The composition root
calls these; nothing here runs on import.

Subscriptions (made in spawn_adaptive):
  AnswerSubmitted (training) -> adaptive   ratings + mistakes queue, idempotent per attempt_id
Asks (never in a cycle):
  adaptive  -> training (ServeQuestion, through `serve`), filters (GetUserFilter, through filters_for)
  reminders -> adaptive (GetDueReviews), stats (GetUserStats)
Nobody asks adaptive or reminders back, and training never asks adaptive.
"""
from __future__ import annotations

from actors.adaptive.actor import AdaptiveActor, adaptive_shard_key
from actors.adaptive.messages import GetDueReviews
from actors.adaptive.serving import ServeQuestionFn
from actors.mailing.pacing import ChatPacer, RateLimiter
from actors.mailing.sender import Sender
from actors.reminders.actor import TICK_SECONDS, RemindersActor
from actors.reminders.reasons import Streak
from actors.reminders.rounds import ReminderButtons, Render, no_buttons
from actors.reminders.texts import render_reminder
from actors.runtime import ActorRef, ActorSystem
from actors.stats.messages import GetUserStats
from actors.training.filters import FiltersFor, no_filters
from actors.training.messages import AnswerSubmitted
from storage.postgres import Database

ADAPTIVE_SHARDS = 4
DEFAULT_RATE = 25.0  # messages a second, when no limiter is shared (the mailing's default)


def spawn_adaptive(system: ActorSystem, database: Database, serve: ServeQuestionFn,
                   filters_for: FiltersFor | None = None, **options: object) -> ActorRef:
    """serve: shows a chosen question in the user's training session (training's ServeQuestion).
    options go to AdaptiveActor (clock, rng, scheduler) for tests."""
    adaptive = system.spawn("adaptive", lambda: AdaptiveActor(database, serve, filters_for or no_filters, **options),
                            shards=ADAPTIVE_SHARDS, shard_key=adaptive_shard_key)
    system.subscribe(AnswerSubmitted, adaptive)
    return adaptive


def spawn_reminders(system: ActorSystem, database: Database, adaptive: ActorRef, stats: ActorRef,
                    sender: Sender | None, limiter: RateLimiter | None = None, pacer: ChatPacer | None = None, *,
                    render: Render = render_reminder, buttons: ReminderButtons = no_buttons,
                    tick_seconds: float | None = TICK_SECONDS, **options: object) -> ActorRef:
    """sender None (no bot): settings only. limiter/pacer: pass the mailing's, so that reminders and
    mailings share Telegram's limits; fresh ones otherwise."""
    limiter = limiter or RateLimiter(DEFAULT_RATE)
    pacer = pacer or ChatPacer()

    async def due_count(user_id: int) -> int:
        return (await adaptive.ask(GetDueReviews(user_id=user_id, limit=0))).due

    async def streak_of(user_id: int) -> Streak:
        streak = (await stats.ask(GetUserStats(user_id=user_id))).streak
        return Streak(current=streak.current, last_day=streak.last_day)

    return system.spawn("reminders", lambda: RemindersActor(
        database, sender, limiter, pacer, due_count, streak_of, render=render, buttons=buttons,
        tick_seconds=tick_seconds, **options))
