"""Typed application keys: everything the edges need arrives through these, set once in create_app."""
from __future__ import annotations

from typing import Awaitable, Callable

from aiohttp import web

from actors.outbox.running import RunningRelay
from actors.runtime import ActorSystem
from app.config import Settings
from app.wiring.analytics import AnalyticsRuntime
from storage.documents import DocumentStore
from storage.postgres import Database

Probe = Callable[[], Awaitable[bool]]

SETTINGS = web.AppKey("settings", Settings)
DATABASE = web.AppKey("database", Database)
DOCUMENTS = web.AppKey("documents", DocumentStore)  # statistics and filters: MongoDB or PostgreSQL JSONB
ACTORS = web.AppKey("actors", ActorSystem)
ANALYTICS = web.AppKey("analytics", AnalyticsRuntime)
RELAY = web.AppKey("relay", RunningRelay)  # the outbox relay: its backlog and lag are in /readyz
BOT_USERNAME = web.AppKey("bot_username", str)  # set when the bot is configured
PROBES = web.AppKey("probes", dict[str, Probe])  # store name -> "is it reachable?" for /readyz
