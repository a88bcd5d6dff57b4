"""Which actors the process runs, with what they own. Subscriptions are written down here."""
from __future__ import annotations

from actors.auth.actor import AuthActor, login_shard_key
from actors.auth.registration_throttle import RegistrationThrottle
from actors.auth.throttle import LoginThrottle
from actors.botstate.actor import BotStateActor, bot_state_shard_key
from actors.mailing.options import MailingOptions
from actors.runtime import ActorSystem
from actors.sessions.actor import SessionsActor, session_shard_key
from actors.training.serving import serve_asker
from actors.users.actor import UsersActor
from actors.users.routing import user_shard_key
from app.admin.wiring import spawn_admin_actors
from app.bot.admin.sender import AiogramSender
from app.bot.i18n import make_i18n
from app.bot.reminder_buttons import reminder_buttons
from app.config import Settings
from app.paths import DATA_DIR
from app.wiring_adaptive import spawn_adaptive, spawn_reminders
from app.wiring_stats import spawn_stats_and_filters
from app.wiring_training import spawn_bank_and_training
from storage.documents import DocumentStore
from storage.postgres import Database

USERS_SHARDS = 4
SESSIONS_SHARDS = 4
AUTH_SHARDS = 2
BOT_STATE_SHARDS = 2


def spawn_actors(system: ActorSystem, settings: Settings, database: Database, documents: DocumentStore) -> None:
    """Spawns every concern's actor; each gets the repositories it owns and nothing else."""
    users = system.spawn("users", lambda: UsersActor(database, settings.admin_telegram_ids),
                         shards=USERS_SHARDS, shard_key=user_shard_key)
    sessions = system.spawn("sessions", lambda: SessionsActor(database, users),
                            shards=SESSIONS_SHARDS, shard_key=session_shard_key)
    throttle, registrations = LoginThrottle(database), RegistrationThrottle(database)
    system.spawn("auth", lambda: AuthActor(users, sessions, throttle, registrations), shards=AUTH_SHARDS,
                 shard_key=login_shard_key)
    system.spawn("botstate", lambda: BotStateActor(database), shards=BOT_STATE_SHARDS,
                 shard_key=bot_state_shard_key)
    stats, _, filters_for = spawn_stats_and_filters(system, documents, database, users)
    _, training = spawn_bank_and_training(system, database, DATA_DIR / "questions", filters_for=filters_for)
    adaptive = spawn_adaptive(system, database, serve_asker(training), filters_for)
    limiter, pacer = spawn_admin_actors(system, settings, database, MailingOptions(
        rate=settings.mailing_rate, lease_seconds=settings.mailing_lease_seconds))
    # Reminders spend the same Telegram budget as mailings.
    spawn_reminders(system, database, adaptive, stats, AiogramSender.from_settings(settings), limiter, pacer,
                    buttons=reminder_buttons(make_i18n()))
