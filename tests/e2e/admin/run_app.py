"""`python -m tests.e2e.admin.run_app`: what `apo run` does, with the settings (the mailing's among
them: APO_MAILING_RATE, APO_MAILING_LEASE_SECONDS) read from the environment."""
from __future__ import annotations

from aiohttp import web

from app.config import load_settings
from app.logging_setup import setup_logging
from app.main import create_app


def main() -> None:
    settings = load_settings()
    setup_logging(settings.log_level, settings.log_json)
    web.run_app(create_app(settings), host=settings.http_host, port=settings.http_port,
                print=None, access_log=None, shutdown_timeout=4.0)


if __name__ == "__main__":
    main()
