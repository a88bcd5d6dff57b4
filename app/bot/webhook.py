"""Webhook mode: Telegram POSTs updates to this app (several instances can share one bot).

The secret-token header is checked in constant time; each update id is claimed in PostgreSQL
first, so a duplicate delivery (a retry, or the same update reaching two instances) runs once; the
claim also counts the sender's recent updates on every instance, which the flood limit then uses
(middlewares/throttling.py). The update is handled in a task the bot context owns, and Telegram
gets its 200 at once.
"""
from __future__ import annotations

import asyncio
import hashlib
import hmac
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from aiogram import Bot, Dispatcher
from aiogram.types import Update
from aiogram.types.update import UpdateTypeLookupError
from aiohttp import web
from loguru import logger
from pydantic import ValidationError

from actors.botstate.messages import ClaimUpdate
from app.bot.middlewares.throttling import RATES, SHARED_COUNT
from app.config import Settings
from app.keys import ACTORS

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@dataclass
class WebhookEdge:
    bot: Bot
    dispatcher: Dispatcher
    secret: str
    tasks: set[asyncio.Task] = field(default_factory=set)

    async def drain(self) -> None:
        await asyncio.gather(*self.tasks, return_exceptions=True)


WEBHOOK = web.AppKey("bot_webhook", WebhookEdge)


def webhook_secret(settings: Settings) -> str:
    if settings.bot_webhook_secret is not None:
        return settings.bot_webhook_secret.get_secret_value()
    # Derived from the token: stable across instances without another setting to share.
    return hashlib.sha256(b"apo-webhook:" + settings.bot_token.get_secret_value().encode()).hexdigest()


def webhook_path(settings: Settings) -> str:
    return urlsplit(settings.bot_webhook_url or "").path or "/telegram/webhook"


async def receive_update(request: web.Request) -> web.Response:
    edge = request.app.get(WEBHOOK)
    if edge is None:
        raise web.HTTPServiceUnavailable(reason="bot is starting")
    if not hmac.compare_digest(request.headers.get(SECRET_HEADER, ""), edge.secret):
        raise web.HTTPUnauthorized(reason="wrong secret token")
    try:
        update = Update.model_validate(await request.json(), context={"bot": edge.bot})
    except (ValueError, ValidationError):
        raise web.HTTPBadRequest(reason="not a Telegram update") from None
    claim = await request.app[ACTORS].ask(ClaimUpdate(update_id=update.update_id, user_id=sender_id(update),
                                                      window_seconds=RATES["default"].window))
    if not claim.first:
        logger.info("bot: update {} already handled, skipped", update.update_id)
        return web.Response(status=200)
    task = asyncio.create_task(_handle(edge, update, claim.recent_from_user), name=f"bot:update:{update.update_id}")
    edge.tasks.add(task)
    task.add_done_callback(edge.tasks.discard)
    return web.Response(status=200)


def sender_id(update: Update) -> int | None:
    try:
        sender = getattr(update.event, "from_user", None)
    except UpdateTypeLookupError:  # a kind of update this aiogram does not know
        return None
    return sender.id if sender is not None else None


async def _handle(edge: WebhookEdge, update: Update, recent_updates: int) -> None:
    try:
        await edge.dispatcher.feed_update(edge.bot, update, **{SHARED_COUNT: recent_updates})
    except Exception:  # the middlewares answer users; this only keeps a bug from vanishing
        logger.exception("bot: update {} failed", update.update_id)


def setup_webhook_route(app: web.Application, settings: Settings) -> None:
    app.router.add_post(webhook_path(settings), receive_update)
