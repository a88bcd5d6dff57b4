"""The Bot API session: real Telegram, or the server at APO_TELEGRAM_API_URL; 429s are retried."""
from __future__ import annotations

import asyncio

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import GetUpdates, TelegramMethod
from aiogram.methods.base import Response, TelegramType
from loguru import logger


class RetryAfter(BaseRequestMiddleware):
    """Waits out Telegram's 429 `retry_after` and tries again (a few times, short waits only).

    getUpdates is left to aiogram's polling, which has its own backoff.
    """

    def __init__(self, attempts: int = 3, max_wait: float = 30.0) -> None:
        self.attempts = attempts
        self.max_wait = max_wait

    async def __call__(self, make_request: NextRequestMiddlewareType[TelegramType], bot: Bot,
                       method: TelegramMethod[TelegramType]) -> Response[TelegramType]:
        attempt = 1
        while True:
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as error:
                if (isinstance(method, GetUpdates) or attempt >= self.attempts
                        or error.retry_after > self.max_wait):
                    raise
                logger.warning("Telegram {}: 429, retrying in {} s (attempt {})",
                               type(method).__name__, error.retry_after, attempt)
                await asyncio.sleep(error.retry_after)
                attempt += 1


class PinResponseModels(BaseRequestMiddleware):
    """Keeps the parsed-reply model of every method called so far alive.

    aiogram parses each reply with `Response[method.__returning__]`, a pydantic generic model that
    pydantic caches only weakly: nothing else holds it, so the garbage collector takes it and the
    next call builds it again (schema generation, about a millisecond). Under load that was an
    eighth of the bot process's time.
    """

    def __init__(self) -> None:
        self._pinned: dict[object, type] = {}

    async def __call__(self, make_request: NextRequestMiddlewareType[TelegramType], bot: Bot,
                       method: TelegramMethod[TelegramType]) -> Response[TelegramType]:
        returning = method.__returning__
        if returning not in self._pinned:
            self._pinned[returning] = Response[returning]  # type: ignore[valid-type]
        return await make_request(bot, method)


def make_session(api_url: str | None) -> AiohttpSession:
    session = AiohttpSession(api=TelegramAPIServer.from_base(api_url)) if api_url else AiohttpSession()
    session.middleware(PinResponseModels())
    session.middleware(RetryAfter())
    return session
