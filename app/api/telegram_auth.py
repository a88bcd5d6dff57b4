"""Mini App sign-in: `Authorization: tma <initData>`, the launch data Telegram signs with the bot's token.

aiogram checks the signature (HMAC-SHA256 keyed by the bot token); it does not check the age, so a
leaked initData would work forever: auth_date must be within APO_WEBAPP_INIT_DATA_MAX_AGE_SECONDS.
The Telegram user is the same account as in the bot, registered on first use with the Telegram name,
as /start does (the grade is left for the cabinet).
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from aiogram.utils.web_app import WebAppUser, safe_parse_webapp_init_data
from aiohttp import web
from pydantic import TypeAdapter, ValidationError

from actors.users.fields import DisplayName
from actors.users.messages import GetUserByTelegram, Locale, RegisterTelegramUser, UserView
from app.http import Unauthorized
from app.keys import ACTORS, SETTINGS

SCHEME = "tma"
CLOCK_SKEW = timedelta(minutes=5)  # a client clock a little ahead is not a forgery
_NAME: TypeAdapter[str] = TypeAdapter(DisplayName)


class InitDataRefused(Unauthorized):
    default_type = "init_data_refused"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, headers={"WWW-Authenticate": SCHEME})


def verified_user(init_data: str, bot_token: str, max_age: timedelta, now: datetime) -> WebAppUser:
    """The Telegram user of a correctly signed, fresh initData; InitDataRefused otherwise."""
    try:
        data = safe_parse_webapp_init_data(bot_token, init_data)
    except ValueError:  # a wrong hash, another bot's signature, or no query string at all
        raise InitDataRefused("The Telegram launch data is not signed by this bot.") from None
    age = now - data.auth_date
    if age > max_age:
        raise InitDataRefused("The Telegram launch data is too old: open the app from the bot again.")
    if age < -CLOCK_SKEW:
        raise InitDataRefused("The Telegram launch data is dated in the future.")
    if data.user is None or data.user.is_bot:
        raise InitDataRefused("The Telegram launch data names no user.")
    return data.user


def display_name(person: WebAppUser) -> str:
    """The Telegram first name as /start prefills it; a name that does not pass gets a neutral one."""
    try:
        return _NAME.validate_python((person.first_name or "")[:64])
    except ValidationError:
        return f"id{person.id}"


def telegram_locale(person: WebAppUser) -> Locale:
    return "en" if (person.language_code or "").lower().startswith("en") else "ru"


async def telegram_principal(request: web.Request, init_data: str) -> UserView:
    settings = request.app[SETTINGS]
    if settings.bot_token is None:
        raise InitDataRefused("Telegram sign-in is off: this server has no bot.")
    person = verified_user(init_data, settings.bot_token.get_secret_value(),
                           timedelta(seconds=settings.webapp_init_data_max_age_seconds),
                           datetime.now(timezone.utc))
    user = await request.app[ACTORS].ask(GetUserByTelegram(telegram_id=person.id))
    if user is None:  # repeated or concurrent first requests get the same account (one shard per id)
        user = await request.app[ACTORS].ask(RegisterTelegramUser(
            telegram_id=person.id, display_name=display_name(person), locale=telegram_locale(person)))
    return user
