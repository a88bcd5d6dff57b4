"""Which actors the process runs, with what they own (concerns.py spawns each)."""
from __future__ import annotations

from actors.adaptive.training_asker import serve_asker
from actors.mailing.options import MailingOptions
from actors.runtime import ActorSystem
from app.bot.admin.sender import AiogramSender
from app.bot.i18n import make_i18n
from app.bot.reminder_buttons import reminder_buttons
from app.config import Settings
from app.wiring.concerns import (
    spawn_adaptive,
    spawn_admin,
    spawn_bank_and_training,
    spawn_filters,
    spawn_identity,
    spawn_reminders,
    spawn_stats,
)
from storage.documents import DocumentStore
from storage.postgres import Database


def spawn_actors(system: ActorSystem, settings: Settings, database: Database, documents: DocumentStore) -> None:
    users = spawn_identity(system, database, settings.admin_telegram_ids)
    stats = spawn_stats(system, documents, database, users)
    _, filters_for = spawn_filters(system, documents, database)
    _, training = spawn_bank_and_training(system, database, filters_for=filters_for)
    adaptive = spawn_adaptive(system, database, serve_asker(training), filters_for)
    sender = AiogramSender.from_settings(settings)  # None without APO_BOT_TOKEN
    limiter, pacer = spawn_admin(system, database, sender, settings.data_dir / "exports", MailingOptions(
        rate=settings.mailing_rate, lease_seconds=settings.mailing_lease_seconds))
    # Reminders spend the same Telegram budget as mailings.
    spawn_reminders(system, database, adaptive, stats, AiogramSender.from_settings(settings), limiter, pacer,
                    buttons=reminder_buttons(make_i18n()))
