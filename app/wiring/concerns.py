"""Spawning each concern's actor with what it owns and the adapters it asks through. Nothing here
subscribes: subscriptions.py does, from its one table. Asks never form a cycle:
  auth -> users, sessions;  sessions -> users;  stats -> users;  filters -> bank;
  training -> filters;  adaptive -> training, filters;  reminders -> adaptive, stats.
"""
from __future__ import annotations

from pathlib import Path

from actors.adaptive.actor import AdaptiveActor, adaptive_shard_key
from actors.adaptive.serving import ServeQuestionFn
from actors.auth.actor import AuthActor, login_shard_key
from actors.auth.registration_throttle import RegistrationThrottle
from actors.auth.throttle import LoginThrottle
from actors.bank.actor import BankActor
from actors.bank.messages import GetCatalog
from actors.botstate.actor import BotStateActor, bot_state_shard_key
from actors.export.actor import ExportActor
from actors.filters.actor import FiltersActor
from actors.filters.catalog import catalog_asker
from actors.filters.facets import PostgresFacets
from actors.mailing.actor import MailingActor
from actors.mailing.options import MailingOptions
from actors.mailing.pacing import ChatPacer, RateLimiter
from actors.mailing.sender import Sender
from actors.reminders.actor import TICK_SECONDS, RemindersActor
from actors.reminders.lookups import ReminderLookups
from actors.reminders.rounds import ReminderButtons, Render, no_buttons
from actors.reminders.texts import render_reminder
from actors.runtime import ActorRef, ActorSystem
from actors.sessions.actor import SessionsActor, session_shard_key
from actors.stats.actor import Clock, StatsActor, utc_now
from actors.stats.directory import UsersDirectory
from actors.stats.history import PostgresAttemptHistory
from actors.stats.routing import stats_shard_key
from actors.training.actor import TrainingActor
from actors.training.filters import FiltersFor, no_filters
from actors.training.filters_asker import filters_asker
from actors.training.question_cache import QuestionCache
from actors.training.routing import training_shard_key
from actors.users.actor import UsersActor
from actors.users.routing import user_shard_key
from app.paths import DATA_DIR
from storage.documents import DocumentStore
from storage.postgres import Database

SEED_QUESTIONS_DIR = DATA_DIR / "questions"
SHARDS = {"users": 4, "sessions": 4, "auth": 2, "botstate": 2, "stats": 4, "filters": 2, "training": 4,
          "adaptive": 4}
DEFAULT_RATE = 25.0  # messages a second, when reminders share no limiter (the mailing's default)


def spawn_identity(system: ActorSystem, database: Database, admin_telegram_ids: frozenset[int] = frozenset()
                   ) -> ActorRef:
    """users, sessions (tokens) and auth (password login); -> users."""
    users = system.spawn("users", lambda: UsersActor(database, admin_telegram_ids),
                         shards=SHARDS["users"], shard_key=user_shard_key)
    sessions = system.spawn("sessions", lambda: SessionsActor(database, users),
                            shards=SHARDS["sessions"], shard_key=session_shard_key)
    throttle, registrations = LoginThrottle(database), RegistrationThrottle(database)
    system.spawn("auth", lambda: AuthActor(users, sessions, throttle, registrations), shards=SHARDS["auth"],
                 shard_key=login_shard_key)
    system.spawn("botstate", lambda: BotStateActor(database), shards=SHARDS["botstate"],
                 shard_key=bot_state_shard_key)
    return users


def spawn_stats(system: ActorSystem, documents: DocumentStore, database: Database, users: ActorRef, *,
                clock: Clock = utc_now) -> ActorRef:
    directory = UsersDirectory(users)
    history = PostgresAttemptHistory(database)
    return system.spawn("stats", lambda: StatsActor(documents, history, directory.timezone_of,
                                                    directory.names_of, clock),
                        shards=SHARDS["stats"], shard_key=stats_shard_key)


def spawn_filters(system: ActorSystem, documents: DocumentStore, database: Database) -> tuple[ActorRef, FiltersFor]:
    """-> (filters, filters_for): pass filters_for to training and adaptive."""
    catalog = catalog_asker(lambda: system.route(GetCatalog))  # the bank may be spawned after this
    facets = PostgresFacets(database)
    filters = system.spawn("filters", lambda: FiltersActor(documents, catalog, facets),
                           shards=SHARDS["filters"], shard_key=stats_shard_key)
    return filters, filters_asker(filters)


def spawn_bank_and_training(system: ActorSystem, database: Database, data_dir: Path = SEED_QUESTIONS_DIR,
                            filters_for: FiltersFor | None = None, *,
                            shards: int = SHARDS["training"]) -> tuple[ActorRef, ActorRef]:
    """data_dir: the seed bank, loaded when the bank is empty."""
    bank = system.spawn("bank", lambda: BankActor(database, seed_dir=data_dir))
    question_cache = QuestionCache()  # shared by the training shards
    training = system.spawn("training", lambda: TrainingActor(database, filters_for or no_filters,
                                                              question_cache=question_cache),
                            shards=shards, shard_key=training_shard_key)
    return bank, training


def spawn_adaptive(system: ActorSystem, database: Database, serve: ServeQuestionFn,
                   filters_for: FiltersFor | None = None, **options: object) -> ActorRef:
    """serve: shows a chosen question in the user's training session (adaptive/training_asker.py).
    options go to AdaptiveActor (clock, rng, scheduler) for tests."""
    return system.spawn("adaptive", lambda: AdaptiveActor(database, serve, filters_for or no_filters, **options),
                        shards=SHARDS["adaptive"], shard_key=adaptive_shard_key)


def spawn_admin(system: ActorSystem, database: Database, sender: Sender | None, exports_dir: Path,
                options: MailingOptions | None = None) -> tuple[RateLimiter, ChatPacer]:
    """mailing and export; -> the process's Telegram send budget (rate limiter, per-chat pacer) for
    reminders to share. sender None (no bot token): mailings cannot start."""
    options = options or MailingOptions()
    limiter, pacer = RateLimiter(options.rate), ChatPacer(options.per_chat_interval)
    system.spawn("mailing", lambda: MailingActor(database, sender, options, limiter, pacer))
    system.spawn("export", lambda: ExportActor(database, exports_dir))
    return limiter, pacer


def spawn_reminders(system: ActorSystem, database: Database, adaptive: ActorRef, stats: ActorRef,
                    sender: Sender | None, limiter: RateLimiter | None = None, pacer: ChatPacer | None = None, *,
                    render: Render = render_reminder, buttons: ReminderButtons = no_buttons,
                    tick_seconds: float | None = TICK_SECONDS, **options: object) -> ActorRef:
    """sender None (no bot): settings only. limiter/pacer: the mailing's, so that reminders and
    mailings share Telegram's limits; fresh ones otherwise."""
    limiter = limiter or RateLimiter(DEFAULT_RATE)
    pacer = pacer or ChatPacer()
    lookups = ReminderLookups(adaptive, stats)
    return system.spawn("reminders", lambda: RemindersActor(
        database, sender, limiter, pacer, lookups.due_count, lookups.streak_of, render=render, buttons=buttons,
        tick_seconds=tick_seconds, **options))
