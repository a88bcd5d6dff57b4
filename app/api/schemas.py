"""Request and response bodies that differ from the actor messages (those are reused when they fit)."""
from __future__ import annotations

from datetime import datetime

from pydantic import (
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    SecretStr,
)

from actors.training.messages import AnswerValue
from actors.users.fields import DisplayName, NewPassword
from actors.users.invisible import WHITESPACE_CLASS
from actors.users.messages import Grade, Locale
from app.http.ids import Id


# Some character that is not whitespace, and no NUL (PostgreSQL text cannot hold it).
NON_BLANK = f"^[^\\u0000]*[^{WHITESPACE_CLASS}\\u0000][^\\u0000]*$"


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


class AccountDeletion(Body):
    password: SecretStr | None = Field(None, max_length=128, description=(
        "the password again, so a token alone deletes nothing; an account without one (a Telegram user's) "
        "is confirmed by sending the body without it, as the bot's confirmation button does"))


class ProfilePatch(Body):
    """Only the fields sent change; none of them can be cleared, so null is refused (422)."""
    display_name: DisplayName = None  # type: ignore[assignment]
    grade: Grade = None  # type: ignore[assignment]
    locale: Locale = None  # type: ignore[assignment]


class TelegramLinkView(BaseModel):
    code: str = Field(description="one-time code; send `/start CODE` to the bot if you cannot open the link")
    deep_link: str | None = Field(description="https://t.me/<bot>?start=<code>; null when the bot is not configured")
    expires_at: datetime


class SessionQuery(Body):
    session_id: Id | None = Field(None, description="a training session; default: your open one")


class AnswerRequest(Body):
    served_id: Id = Field(description="from the question you were shown")
    answer: AnswerValue = Field(description="yes_no: true/false; one: index; multiple: [indices]; open: text")
    elapsed_ms: int | None = Field(None, ge=0, le=86_400_000)


class SkipRequest(Body):
    served_id: Id


class ReportRequest(Body):
    question_id: Id
    # Not only spaces (a report of nothing tells the admins nothing); the route trims it, as the bot
    # does. The limits hold for the text as sent, as the document says.
    text: str = Field(min_length=1, max_length=2000, pattern=NON_BLANK, description="what is wrong with the question")


class SessionPath(Body):
    session_id: Id


class PapersQuery(Body):
    size: int = Field(8, ge=1, le=50, description="questions per paper")


class StartSimulationRequest(Body):
    subject: str = Field(min_length=1, max_length=64)
    olympiad: str = Field(min_length=1, max_length=200)
    stage: str = Field(min_length=1, max_length=32)
    year: int | None = Field(None, ge=1900, le=2100)
    size: int = Field(8, ge=1, le=50)
    minutes: int = Field(30, ge=1, le=300)


class SimulationPath(Body):
    simulation_id: Id


class SimulationAnswerPath(Body):
    simulation_id: Id
    served_id: Id


class SimulationAnswerRequest(Body):
    answer: AnswerValue
