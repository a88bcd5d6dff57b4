"""The users concern's contract with the edges: commands, queries, replies and events."""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, SecretStr, computed_field

from actors.runtime import Event, Message
from actors.users.fields import DisplayName, NewPassword

Locale = Literal["ru", "en"]
Channel = Literal["bot", "api"]


class Grade(StrEnum):
    G5 = "5"
    G6 = "6"
    G7 = "7"
    G8 = "8"
    G9 = "9"
    G10 = "10"
    G11 = "11"
    STUDENT = "student"
    TEACHER = "teacher"


class UserView(BaseModel):
    """What the edges may show about a user (never the password hash)."""
    model_config = ConfigDict(frozen=True)

    id: int
    display_name: str
    grade: Grade | None
    locale: Locale
    timezone: str
    is_admin: bool
    telegram_id: int | None
    email: str | None
    created_at: datetime

    @computed_field  # type: ignore[prop-decorator]
    @property
    def telegram_linked(self) -> bool:
        return self.telegram_id is not None


class IssuedToken(BaseModel):
    model_config = ConfigDict(frozen=True)

    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_at: datetime


class LinkCode(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    expires_at: datetime


# --- queries ---------------------------------------------------------------------------------

class GetUser(Message):
    user_id: int


class GetStoredUser(Message):
    """The user as stored now, never from a cache: for decisions on rights (admin routes, the bot's
    admin screens) and after a login. This process's cached entries for the user are dropped, so
    what it shows next agrees. Raises UserNotFound."""
    user_id: int


class GetUserByTelegram(Message):
    """Replies UserView or None (an unregistered Telegram user)."""
    telegram_id: int


class Authenticate(Message):
    """Bearer token -> UserView; raises Unauthenticated for unknown, expired or revoked tokens."""
    token: SecretStr


# --- commands --------------------------------------------------------------------------------

class RegisterTelegramUser(Message):
    """Creates the bot user; a repeated registration returns the existing user unchanged.
    The bot asks for the grade; the Mini App registers on first use without one (set in the cabinet)."""
    telegram_id: int
    display_name: DisplayName
    grade: Grade | None = None
    locale: Locale = "ru"


class RegisterAccount(Message):
    """REST registration; raises EmailTaken (Conflict)."""
    email: EmailStr
    password: NewPassword
    display_name: DisplayName
    grade: Grade | None = None
    locale: Locale = "ru"


class LogIn(Message):
    """Raises InvalidCredentials (the same for an unknown email) or RateLimited."""
    email: str
    password: SecretStr
    client_address: str


class LogOut(Message):
    token: SecretStr


class UpdateProfile(Message):
    user_id: int
    display_name: DisplayName | None = None
    grade: Grade | None = None
    locale: Locale | None = None


class DeleteAccount(Message):
    """Deletes the user with everything personal (PostgreSQL cascades; documents and caches follow
    AccountDeleted). Raises UserNotFound. The bot sends it after a confirmation; REST goes through
    DeleteAccountWithPassword."""
    user_id: int
    channel: Channel
    log_fields = ("user_id", "channel")


class DeleteAccountWithPassword(Message):
    """REST: the account's password again, so that a stolen token alone cannot delete the account.
    Raises InvalidCredentials (failures count against the login throttle) or RateLimited."""
    user_id: int
    email: str
    password: SecretStr
    client_address: str
    log_fields = ("user_id",)


class CreateTelegramLinkCode(Message):
    """One-time code (10 minutes) that links a Telegram user to this account."""
    user_id: int


class RedeemTelegramLinkCode(Message):
    """Links the Telegram user to the code's account, merging a bot-only account into it."""
    telegram_id: int
    code: str


class SetApiCredentials(Message):
    """From the bot cabinet: gives a bot user an email and password for the REST API."""
    user_id: int
    email: EmailStr
    password: NewPassword


# --- events ----------------------------------------------------------------------------------

class UserRegistered(Event):
    user_id: int
    channel: Channel


class UserLoggedIn(Event):
    user_id: int


class AccountDeleted(Event):
    """The user's rows are gone from PostgreSQL; each concern drops what it keeps elsewhere.
    Only the id and the channel on purpose: analytics records every event field by name."""
    user_id: int
    channel: Channel


class AccountsMerged(Event):
    """Everything of `source_user_id` now belongs to `target_user_id`; each concern moves its data."""
    source_user_id: int
    target_user_id: int

    def outbox_key(self) -> int:
        return self.target_user_id  # in order with the target's other events
