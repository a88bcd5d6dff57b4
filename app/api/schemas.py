"""Request and response bodies that differ from the actor messages (those are reused when they fit)."""
from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, EmailStr, Field, SecretStr

from actors.users.fields import DisplayName, NewPassword
from actors.users.messages import Grade, Locale


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RegisterRequest(Body):
    email: EmailStr
    password: NewPassword = Field(description="8 to 128 characters")
    display_name: DisplayName
    grade: Grade | None = None
    locale: Locale = "ru"


class LoginRequest(Body):
    email: str = Field(max_length=320)
    password: SecretStr = Field(max_length=128)


class ProfilePatch(Body):
    display_name: DisplayName | None = None
    grade: Grade | None = None
    locale: Locale | None = None


class TelegramLinkView(BaseModel):
    code: str = Field(description="one-time code; send `/start CODE` to the bot if you cannot open the link")
    deep_link: str | None = Field(description="https://t.me/<bot>?start=<code>; null when the bot is not configured")
    expires_at: datetime
