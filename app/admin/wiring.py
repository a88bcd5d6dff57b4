"""The admin concerns' actors, for app/actors_setup.py: mailing (with its Telegram sender) and export."""
from __future__ import annotations

from actors.export.actor import ExportActor
from actors.mailing.actor import MailingActor
from actors.mailing.options import MailingOptions
from actors.mailing.pacing import ChatPacer, RateLimiter
from actors.runtime import ActorSystem
from app.bot.admin.sender import AiogramSender
from app.config import Settings
from storage.postgres import Database


def spawn_admin_actors(system: ActorSystem, settings: Settings, database: Database,
                       mailing: MailingOptions | None = None) -> tuple[RateLimiter, ChatPacer]:
    """-> the process's Telegram send budget (rate limiter, per-chat pacer) for others to share."""
    sender = AiogramSender.from_settings(settings)  # None without APO_BOT_TOKEN: mailings cannot start
    options = mailing or MailingOptions()
    limiter, pacer = RateLimiter(options.rate), ChatPacer(options.per_chat_interval)
    system.spawn("mailing", lambda: MailingActor(database, sender, options, limiter, pacer))
    system.spawn("export", lambda: ExportActor(database, settings.data_dir / "exports"))
    return limiter, pacer
