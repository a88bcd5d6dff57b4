"""Errors aspect (outer, inside i18n): failures become friendly localized answers.

Domain errors by code/kind, ActorBusy/AskTimeout/StoreUnavailable as "busy", anything else as an
apology logged with the update id. A callback query is always answered. Telegram refusing to
deliver (blocked by the user, stale query) is logged and otherwise ignored.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import Any

from aiogram import BaseMiddleware
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramForbiddenError
from aiogram.types import TelegramObject, Update
from loguru import logger

from app.bot.texts import errors as texts

_STALE_QUERY = ("query is too old", "query id is invalid")


class FriendlyErrors(BaseMiddleware):
    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        assert isinstance(event, Update)
        try:
            return await handler(event, data)
        except Exception as error:
            data["update_note"].outcome = f"failed:{type(error).__name__}"
            await self._answer(event, error)
        return None

    async def _answer(self, update: Update, error: Exception) -> None:
        if isinstance(error, TelegramForbiddenError):  # blocked by the user: nobody to tell
            logger.info("update {}: Telegram refused delivery: {}", update.update_id, error.message)
        elif isinstance(error, TelegramBadRequest) and any(s in error.message.lower() for s in _STALE_QUERY):
            logger.info("update {}: callback query too old to answer", update.update_id)
        elif isinstance(error, TelegramAPIError) and not isinstance(error, TelegramBadRequest):
            logger.warning("update {}: Telegram call failed: {}", update.update_id, type(error).__name__)
        elif (text := texts.for_error(error)) is not None:
            logger.info("update {}: {} answered with a friendly message", update.update_id,
                        type(error).__name__)
            await _tell(update, text)
        else:  # a bug, or a request Telegram rejected: apologise, keep the details in the log
            logger.opt(exception=error).error("update {} failed", update.update_id)
            await _tell(update, texts.generic())


async def _tell(update: Update, text: str) -> None:
    with suppress(TelegramAPIError):
        if update.callback_query is not None:
            await update.callback_query.answer(text, show_alert=True)
        elif update.message is not None:
            await update.message.answer(text)
