"""`python -m tests.e2e.admin.run_app`: what `apo run` does, with the admin parts wired by
tests/e2e/admin/wiring.py and the mailing tunables read from APO_MAILING_* (see MailingOptions)."""
from __future__ import annotations

import os

from aiohttp import web

from actors.mailing.options import MailingOptions
from app.config import load_settings
from app.logging_setup import setup_logging
from tests.e2e.admin.wiring import admin_app


def main() -> None:
    settings = load_settings()
    setup_logging(settings.log_level, settings.log_json)
    options = MailingOptions(rate=float(os.environ.get("APO_MAILING_RATE", "25")),
                             lease_seconds=float(os.environ.get("APO_MAILING_LEASE_SECONDS", "30")),
                             scan_seconds=0.5)
    web.run_app(admin_app(settings, options), host=settings.http_host, port=settings.http_port,
                print=None, access_log=None, shutdown_timeout=4.0)


if __name__ == "__main__":
    main()
