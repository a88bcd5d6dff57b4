"""The mailing and reminders actors' Sender over aiogram: one Bot API call per message, outcomes as values.

It talks to the same Bot API server as the running bot, through a session of its own: the bot's
session retries 429s by itself, while the mailing must see every 429 to pause all of its sending.
"""
from __future__ import annotations

from collections.abc import Sequence

import aiohttp
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramForbiddenError,
    TelegramRetryAfter,
)
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from actors.mailing.sender import Blocked, Button, Failed, RetryAfter, SendResult, Sent
from app.config import Settings


class AiogramSender:
    def __init__(self, token: str, api: TelegramAPIServer | None = None) -> None:
        session = AiohttpSession(api=api) if api is not None else AiohttpSession()
        self._bot = Bot(token, session=session)

    @classmethod
    def from_settings(cls, settings: Settings) -> AiogramSender | None:
        """None when the bot is off (APO_BOT_TOKEN unset): mailings then refuse to start."""
        if settings.bot_token is None:
            return None
        api = TelegramAPIServer.from_base(settings.telegram_api_url) if settings.telegram_api_url else None
        return cls(settings.bot_token.get_secret_value(), api)

    @classmethod
    def for_bot(cls, bot: Bot) -> AiogramSender:
        """Same token and server as a running bot, without its session's middlewares."""
        return cls(bot.token, bot.session.api)

    async def send(self, chat_id: int, html: str, photo: str | None,
                   buttons: Sequence[Button] = ()) -> SendResult:
        markup = InlineKeyboardMarkup(inline_keyboard=[
            [InlineKeyboardButton(text=b.text, callback_data=b.callback_data)] for b in buttons]) if buttons else None
        try:
            if photo:
                message = await self._bot.send_photo(chat_id, photo, caption=html, parse_mode=ParseMode.HTML,
                                                     reply_markup=markup)
            else:
                message = await self._bot.send_message(chat_id, html, parse_mode=ParseMode.HTML, reply_markup=markup)
        except TelegramRetryAfter as error:
            return RetryAfter(float(error.retry_after))
        except TelegramForbiddenError as error:  # blocked, deactivated, never started the bot
            return Blocked(error.message)
        except TelegramAPIError as error:
            return Failed(f"{type(error).__name__}: {error.message}")
        except (TimeoutError, aiohttp.ClientError, OSError) as error:
            return Failed(f"network: {type(error).__name__}")
        return Sent(message.message_id)

    async def close(self) -> None:
        await self._bot.session.close()
