"""Question cards on the chat: a text message, or a photo whose caption is the text.

Shared by training and simulation. A card replaces the pressed message in place when Telegram
allows (text -> text); otherwise (a photo on either side) the old message goes and a new one comes.
An image is a URL or a path inside data/ (anything else is ignored, never read from elsewhere).
"""
from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass
from html import unescape

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, FSInputFile, InlineKeyboardMarkup, Message
from loguru import logger

from app.paths import DATA_DIR

CAPTION_LIMIT = 1024  # Telegram's limit for a caption, in UTF-16 units of the visible text
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Card:
    text: str
    markup: InlineKeyboardMarkup | None = None
    image: str | None = None


def photo_of(image: str | None) -> str | FSInputFile | None:
    if not image:
        return None
    if image.startswith(("http://", "https://")):
        return image
    path = (DATA_DIR / image).resolve()
    if path.is_relative_to(DATA_DIR.resolve()) and path.is_file():
        return FSInputFile(path)
    logger.warning("question image {!r} is not a URL nor a file under data/; sending text only", image)
    return None


def fits_caption(html_text: str) -> bool:
    visible = unescape(_TAG.sub("", html_text))
    return len(visible.encode("utf-16-le")) // 2 <= CAPTION_LIMIT


async def send(bot: Bot, chat_id: int, card: Card) -> Message:
    photo = photo_of(card.image)
    if photo is not None:
        try:
            if fits_caption(card.text):
                return await bot.send_photo(chat_id, photo, caption=card.text, reply_markup=card.markup)
            await bot.send_photo(chat_id, photo)  # too long for a caption: the photo, then the text
        except TelegramBadRequest as error:
            logger.warning("cannot send question image {!r}: {}", card.image, error.message)
    return await bot.send_message(chat_id, card.text, reply_markup=card.markup)


async def edit(message: Message, text: str, markup: InlineKeyboardMarkup | None) -> bool:
    """Edits the text (or the caption of a photo) in place; False when Telegram cannot."""
    try:
        if message.photo:
            if not fits_caption(text):
                return False
            await message.edit_caption(caption=text, reply_markup=markup)
        else:
            await message.edit_text(text, reply_markup=markup)
    except TelegramBadRequest as error:
        if "not modified" in error.message:  # the same screen again (a double press)
            return True
        logger.debug("cannot edit message {}: {}", message.message_id, error.message)
        return False
    return True


async def put(query: CallbackQuery, card: Card) -> Message:
    """The pressed message becomes this card."""
    message = query.message
    if isinstance(message, Message):
        text_to_text = not message.photo and photo_of(card.image) is None
        if text_to_text and await edit(message, card.text, card.markup):
            return message
        with suppress(TelegramBadRequest):
            await message.delete()
    return await send(query.bot, query.from_user.id, card)


async def follow(query: CallbackQuery, card: Card) -> Message:
    """The pressed message stays (without buttons); the card comes as a new message below it."""
    if isinstance(query.message, Message):
        await strip(query.bot, query.from_user.id, query.message.message_id)
    return await send(query.bot, query.from_user.id, card)


async def rewrite(query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None) -> None:
    """The pressed message's text (or caption) changes; if it cannot, the text comes below it."""
    if isinstance(query.message, Message) and await edit(query.message, text, markup):
        return
    await follow(query, Card(text, markup))


def pressed_on_message(query: CallbackQuery) -> bool:
    """A real press is of a button its message shows now; forged or outdated data is not (a handler
    that rebuilds a keyboard from the pressed data alone must ask this first)."""
    message = query.message
    markup = message.reply_markup if isinstance(message, Message) else None
    return markup is not None and any(button.callback_data == query.data
                                      for row in markup.inline_keyboard for button in row)


async def remark(query: CallbackQuery, markup: InlineKeyboardMarkup) -> None:
    """Only the pressed message's buttons change (e.g. a toggle)."""
    if isinstance(query.message, Message):
        with suppress(TelegramBadRequest):  # "not modified" after a double press
            await query.message.edit_reply_markup(reply_markup=markup)


async def strip(bot: Bot, chat_id: int, message_id: int) -> None:
    with suppress(TelegramBadRequest):  # gone, too old, or no buttons any more
        await bot.edit_message_reply_markup(chat_id=chat_id, message_id=message_id, reply_markup=None)


async def remove(bot: Bot, chat_id: int, message_id: int) -> None:
    """Deletes a message of the bot; one that cannot be deleted loses its buttons instead."""
    try:
        await bot.delete_message(chat_id=chat_id, message_id=message_id)
    except TelegramBadRequest:
        await strip(bot, chat_id, message_id)


def shown_body(message: object, rule: str) -> str:
    """The part of a card above `rule`, as HTML (what the card showed of the question)."""
    if not isinstance(message, Message):
        return ""
    return message.html_text.partition(rule)[0].rstrip()
