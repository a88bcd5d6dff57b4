"""The one composition root: create_app(settings) builds every part of the process.

Start-up runs the contexts top to bottom; shutdown runs their cleanups bottom to top, which is
DESIGN §3's order: edges stop first (HTTP stops accepting before any cleanup; the bot stops
polling), then mailboxes drain, then analytics flush, then pools close.
"""
from __future__ import annotations

from typing import AsyncIterator

from aiohttp import web
from loguru import logger

from actors.aspects import configure_cache
from actors.runtime import ActorSystem
from app.admin.setup import setup_admin
from app.api.setup import register_domain_errors, setup_api
from app.bot.runner import bot_context
from app.bot.webhook import setup_webhook_route
from app.config import Settings
from app.health import setup_health_routes
from app.http import setup_http
from app.keys import ACTORS, ANALYTICS, DATABASE, DOCUMENTS, PROBES, RELAY, SETTINGS
from app.webapp.setup import setup_webapp
from app.wiring.actors import spawn_actors
from app.wiring.analytics import analytics_context
from app.wiring.running import running_system
from app.wiring.stores import documents_probe, open_database, open_documents

MAX_BODY_BYTES = 1024 * 1024


EDGES = frozenset({"api", "bot"})


def create_app(settings: Settings, edges: frozenset[str] = EDGES) -> web.Application:
    """edges: which platforms this process serves (`apo run --only api|bot`); the actors and
    stores are the same either way, and /healthz, /readyz are always there."""
    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app[SETTINGS] = settings
    app[PROBES] = {}
    setup_http(app)
    register_domain_errors(app)
    app.cleanup_ctx.append(_postgres)
    app.cleanup_ctx.append(_documents)
    app.cleanup_ctx.append(_actors)
    if "bot" in edges:
        app.cleanup_ctx.append(bot_context)  # after the actors: polling stops before they drain
        if settings.bot_token is not None and settings.bot_webhook_url is not None:
            setup_webhook_route(app, settings)
    setup_health_routes(app)
    if "api" in edges:
        setup_api(app)
        setup_admin(app)
        setup_webapp(app)
    return app


async def _postgres(app: web.Application) -> AsyncIterator[None]:
    settings = app[SETTINGS]
    async with open_database(settings, run_migrations=settings.migrate_on_start) as database:
        app[DATABASE] = database
        app[PROBES]["postgres"] = database.ping
        yield


async def _documents(app: web.Application) -> AsyncIterator[None]:
    async with open_documents(app[SETTINGS], app[DATABASE]) as documents:
        app[DOCUMENTS] = documents
        app[PROBES]["documents"] = documents_probe(documents)
        yield


async def _actors(app: web.Application) -> AsyncIterator[None]:
    # A fresh cache per app: entries of an app that ran before in this process (tests) must not leak.
    configure_cache(None)
    settings = app[SETTINGS]
    system = ActorSystem(default_ask_timeout=settings.ask_timeout_seconds)
    spawn_actors(system, settings, app[DATABASE], app[DOCUMENTS])
    # Analytics wraps the system's whole life: there before anything publishes, flushed after every
    # other mailbox drained (inside system.stop), its sinks removed last. The relay settles the
    # deliveries of the drained mailboxes before the pool closes.
    async with analytics_context(settings, system) as analytics, \
            running_system(system, app[DATABASE], instance=settings.instance()) as relay:
        app[ACTORS] = system
        app[ANALYTICS] = analytics
        app[RELAY] = relay
        logger.info("actors started: {}", ", ".join(system.health()["actors"]) or "none")
        yield
    logger.info("actors drained and stopped")
