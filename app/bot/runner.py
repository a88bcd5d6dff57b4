"""The bot inside the aiohttp app: `bot_context` is a cleanup_ctx that owns the polling task.

Start: build Bot + Dispatcher, one quick getMe (-> BOT_USERNAME), then in a background task getMe
until Telegram answers, setMyCommands and long polling — or, with APO_BOT_WEBHOOK_URL, setWebhook
(updates then arrive at app/bot/webhook.py; dialogs are kept in PostgreSQL for every instance).
The app serves REST meanwhile, whatever Telegram does. Stop (before the actors drain): stop
polling / finish webhook updates in flight, close the HTTP session.
"""
from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import AsyncIterator
from contextlib import suppress

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramAPIError, TelegramUnauthorizedError
from aiogram.utils.i18n import I18n
from aiohttp import web
from loguru import logger

from app.bot.commands import set_default_commands
from app.bot.dispatcher import build_dispatcher
from app.bot.i18n import make_i18n
from app.bot.middlewares.inflight import InFlight
from app.bot.dialog_storage import ActorDialogStorage
from app.bot.session import make_session
from app.bot.webapp_link import set_menu_button
from app.bot.webhook import WEBHOOK, WebhookEdge, webhook_secret
from app.config import Settings
from app.keys import ACTORS, BOT_USERNAME, SETTINGS

RETRY_FIRST_SECONDS = 1.0
RETRY_MAX_SECONDS = 60.0
FIRST_TRY_SECONDS = 3.0
DRAIN_SECONDS = 10.0


async def bot_context(app: web.Application) -> AsyncIterator[None]:
    settings = app[SETTINGS]
    if settings.bot_token is None:
        logger.info("bot off: APO_BOT_TOKEN is not set")
        yield
        return
    logging.getLogger("aiogram.event").setLevel(logging.WARNING)  # UpdateLogging logs each update once
    bot = Bot(settings.bot_token.get_secret_value(), session=make_session(settings.telegram_api_url),
              default=DefaultBotProperties(parse_mode=ParseMode.HTML))
    i18n, inflight = make_i18n(), InFlight()
    webhook = settings.bot_webhook_url is not None
    # Behind a load balancer a dialog may continue on another instance: keep it in PostgreSQL.
    dp = build_dispatcher(app[ACTORS], i18n, inflight,
                          storage=ActorDialogStorage(app[ACTORS]) if webhook else None,
                          webapp_url=settings.webapp_url)
    with suppress(Exception):  # one quick try, so the REST deep links know the username from the start
        app[BOT_USERNAME] = (await asyncio.wait_for(bot.me(), FIRST_TRY_SECONDS)).username or ""
    if webhook:
        edge = app[WEBHOOK] = WebhookEdge(bot, dp, webhook_secret(settings))
    task = asyncio.create_task(_serve(app, bot, dp, i18n), name="bot:webhook" if webhook else "bot:polling")
    task.add_done_callback(_report_crash)
    try:
        yield
    finally:
        if webhook:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            await edge.drain()
        else:
            await _stop_polling(dp, task)
        if not await inflight.wait_idle(DRAIN_SECONDS):
            logger.warning("bot: {} updates still in flight after {} s", inflight.count, DRAIN_SECONDS)
        await bot.session.close()
        logger.info("bot stopped")


async def _serve(app: web.Application, bot: Bot, dp: Dispatcher, i18n: I18n) -> None:
    delay = RETRY_FIRST_SECONDS
    while True:
        try:
            me = await bot.me()
            break
        except TelegramUnauthorizedError:
            logger.error("bot off: Telegram rejected APO_BOT_TOKEN")
            return
        except Exception as error:  # an outage must not take the app down: try again later
            logger.warning("bot: Telegram unreachable ({}); retrying in {:.0f} s",
                           type(error).__name__, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, RETRY_MAX_SECONDS)
    if BOT_USERNAME not in app:  # Telegram was down at start-up; the app is running by now
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # aiohttp: "changing a started app"
            app[BOT_USERNAME] = me.username or ""
    try:
        await set_default_commands(bot, i18n)
    except TelegramAPIError as error:  # the commands menu is a nicety; polling matters
        logger.warning("bot: setMyCommands failed: {}", type(error).__name__)
    settings = app[SETTINGS]
    if settings.webapp_url is not None:
        try:
            await set_menu_button(bot, i18n, settings.webapp_url)
        except TelegramAPIError as error:  # so is the menu button
            logger.warning("bot: setChatMenuButton failed: {}", type(error).__name__)
    if settings.bot_webhook_url is not None:
        await _set_webhook(bot, dp, settings)
        logger.info("bot @{} receiving updates at its webhook", me.username)
        return
    logger.info("bot @{} polling", me.username)
    await dp.start_polling(bot, handle_signals=False, close_bot_session=False)


async def _set_webhook(bot: Bot, dp: Dispatcher, settings: Settings) -> None:
    """Every instance sets the same webhook (idempotent); retried while Telegram is away."""
    delay = RETRY_FIRST_SECONDS
    while True:
        try:
            await bot.set_webhook(settings.bot_webhook_url, secret_token=webhook_secret(settings),
                                  allowed_updates=dp.resolve_used_update_types())
            return
        except Exception as error:  # Telegram's refusal or the network: both pass, so try again
            logger.warning("bot: setWebhook failed ({}); retrying in {:.0f} s", type(error).__name__, delay)
        await asyncio.sleep(delay)
        delay = min(delay * 2, RETRY_MAX_SECONDS)


async def _stop_polling(dp: Dispatcher, task: asyncio.Task[None]) -> None:
    try:
        await dp.stop_polling()
    except RuntimeError:  # not polling (yet): end the start-up retries instead
        task.cancel()
    await asyncio.gather(task, return_exceptions=True)  # a crash was logged by _report_crash


def _report_crash(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        logger.opt(exception=task.exception()).error("bot: polling ended with an error")
