"""The app as production builds it (create_app), with the admin parts wired in if app/main.py and
app/actors_setup.py do not wire them yet. Once they do, this only sets the test's mailing options
through the settings (when Settings has those fields) and otherwise changes nothing."""
from __future__ import annotations

from collections.abc import AsyncIterator

from aiohttp import web

from actors.mailing.options import MailingOptions
from app.admin.setup import setup_admin
from app.admin.wiring import spawn_admin_actors
from app.config import Settings
from app.keys import ACTORS, DATABASE
from app.main import create_app

# APO_* settings that carry MailingOptions fields, once app/config.py has them.
SETTINGS_FOR_OPTIONS = {"rate": "mailing_rate", "lease_seconds": "mailing_lease_seconds"}


def with_mailing_options(settings: Settings, options: MailingOptions) -> Settings:
    update = {name: getattr(options, field) for field, name in SETTINGS_FOR_OPTIONS.items()
              if name in Settings.model_fields}
    return settings.model_copy(update=update)


def admin_app(settings: Settings, options: MailingOptions | None = None) -> web.Application:
    options = options or MailingOptions()
    app = create_app(with_mailing_options(settings, options))
    if not any(r.resource is not None and r.resource.canonical == "/admin/api/v1/openapi.json"
               for r in app.router.routes()):
        setup_admin(app)
    actors_ctx = next(i for i, ctx in enumerate(app.cleanup_ctx) if getattr(ctx, "__name__", "") == "_actors")

    async def admin_actors(app: web.Application) -> AsyncIterator[None]:
        system = app[ACTORS]
        if "mailing" not in system.health()["actors"]:  # a late spawn starts at once
            spawn_admin_actors(system, settings, app[DATABASE], options)
        yield

    app.cleanup_ctx.insert(actors_ctx + 1, admin_actors)
    return app


def include_admin_router(monkeypatch) -> None:
    """The bot's routers with the admin router before the fallback, unless app/bot includes it already."""
    from app.bot import admin, dispatcher

    original = dispatcher.feature_routers

    def routers() -> list:
        found = original()
        if not any(router.name == "app.bot.admin" for router in found):
            found.insert(len(found) - 1, admin.make_router())
        return found

    monkeypatch.setattr(dispatcher, "feature_routers", routers)
