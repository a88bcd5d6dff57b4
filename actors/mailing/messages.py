"""The mailing concern's contract with the edges: segments, commands, queries, replies and events."""
from __future__ import annotations

from datetime import datetime
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from actors.runtime import Event, Message
from actors.users.messages import Grade

MailingStatus = Literal["draft", "running", "paused", "cancelled", "finished"]


def require_kind_in_schema(schema: dict) -> None:
    # The union is told apart by `kind`, so a request must always send it, though code may leave
    # it to the default: the document says it is required (a segment without it is refused).
    schema["required"] = ["kind", *(name for name in schema.get("required", ()) if name != "kind")]


class _Segment(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra=require_kind_in_schema)


class AllUsers(_Segment):
    kind: Literal["all"] = "all"


class ByGrade(_Segment):
    kind: Literal["grade"] = "grade"
    grades: tuple[Grade, ...] = Field(min_length=1, max_length=9)


class ActiveInSubject(_Segment):
    """Users with an attempt in this subject within the last `days` days."""
    kind: Literal["active_in_subject"] = "active_in_subject"
    subject: str = Field(pattern=r"^[a-z][a-z0-9_]{0,31}$")
    days: int = Field(30, ge=1, le=3650)


class InactiveFor(_Segment):
    """Users registered earlier than `days` days ago with no attempt since."""
    kind: Literal["inactive"] = "inactive"
    days: int = Field(ge=1, le=3650)


class OnlyMe(_Segment):
    """Only the admin who created the mailing: a real run of the machinery on one chat."""
    kind: Literal["only_me"] = "only_me"


Segment = Annotated[AllUsers | ByGrade | ActiveInSubject | InactiveFor | OnlyMe, Field(discriminator="kind")]


class MailingView(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    status: MailingStatus
    text: str
    photo: str | None
    segment: Segment
    created_by: int | None
    audience: int | None = Field(None, description="users the segment selects now (set on create)")
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class MailingProgress(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    status: MailingStatus
    total: int = Field(description="recipients chosen at the first start (0 before)")
    sent: int
    failed: int
    blocked: int
    interrupted: int = Field(description="in flight when a process died: maybe delivered, never re-sent")
    pending: int = Field(description="not sent yet (including the few in flight right now)")
    rate: float = Field(description="Telegram calls per second: over the last few seconds while running, "
                                    "the average of the whole mailing once finished or cancelled, 0 when paused")


# --- commands ----------------------------------------------------------------------------------

class CreateMailing(Message):
    """-> MailingView (draft). Raises InvalidHtml (InvalidInput)."""
    admin_user_id: int
    text: str = Field(min_length=1, max_length=10000)
    photo: str | None = Field(None, max_length=1000, description="Telegram file_id or https URL")
    segment: Segment
    log_fields: ClassVar[tuple[str, ...]] = ("admin_user_id",)


class PreviewMailing(Message):
    """-> None: sends the mailing to the asking admin's Telegram chat only (chat_id: their
    telegram_id; None raises NoTelegramChat). Raises MailingNotFound, SenderUnavailable,
    PreviewFailed, RateLimited."""
    mailing_id: int
    admin_user_id: int
    chat_id: int | None
    log_fields: ClassVar[tuple[str, ...]] = ("mailing_id", "admin_user_id")


class StartMailing(Message):
    """-> MailingView (running) at once; sending runs in the actor's task. Repeating it is harmless.
    Raises MailingNotFound, MailingStateConflict, SenderUnavailable."""
    mailing_id: int
    admin_user_id: int
    log_fields: ClassVar[tuple[str, ...]] = ("mailing_id", "admin_user_id")


class PauseMailing(Message):
    mailing_id: int
    admin_user_id: int
    log_fields: ClassVar[tuple[str, ...]] = ("mailing_id", "admin_user_id")


class ResumeMailing(Message):
    mailing_id: int
    admin_user_id: int
    log_fields: ClassVar[tuple[str, ...]] = ("mailing_id", "admin_user_id")


class CancelMailing(Message):
    """-> MailingView (cancelled); recipients not reached stay pending and are never sent."""
    mailing_id: int
    admin_user_id: int
    log_fields: ClassVar[tuple[str, ...]] = ("mailing_id", "admin_user_id")


class SetBotBlocked(Message):
    """From the bot's my_chat_member updates: the user blocked (True) or unblocked the bot."""
    telegram_id: int
    blocked: bool


# --- queries -----------------------------------------------------------------------------------

class GetMailing(Message):
    """-> MailingView. Raises MailingNotFound."""
    mailing_id: int


class GetMailingProgress(Message):
    """-> MailingProgress. Raises MailingNotFound."""
    mailing_id: int


class ListMailings(Message):
    """-> list[MailingView], newest first."""
    limit: int = Field(20, ge=1, le=200)
    offset: int = Field(0, ge=0)


# --- events ------------------------------------------------------------------------------------

class MailingStarted(Event):
    mailing_id: int
    user_id: int  # the admin


class MailingFinished(Event):
    mailing_id: int
    status: Literal["finished", "cancelled"]
    total: int
    sent: int
    failed: int
    blocked: int
    interrupted: int


class MailingMessageSent(Event):
    mailing_id: int
    user_id: int  # the recipient


class MailingMessageFailed(Event):
    mailing_id: int
    user_id: int
    reason: Literal["blocked", "failed"]
