"""The app as production builds it, with the test's mailing rate and lease (the settings that carry
them: APO_MAILING_RATE, APO_MAILING_LEASE_SECONDS)."""
from __future__ import annotations

from aiohttp import web

from actors.mailing.options import MailingOptions
from app.config import Settings
from app.main import create_app


def admin_app(settings: Settings, options: MailingOptions | None = None) -> web.Application:
    options = options or MailingOptions()
    return create_app(settings.model_copy(update={"mailing_rate": options.rate,
                                                  "mailing_lease_seconds": options.lease_seconds}))
