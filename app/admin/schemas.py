"""Request bodies, query and path models of the admin API (replies reuse the actors' views)."""
from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from actors.mailing.messages import Segment, require_kind_in_schema
from actors.stats.messages import SubjectCode
from app.http.ids import MAX_ID, Id


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CreateMailingRequest(Body):
    text: str = Field(min_length=1, max_length=10000, description="Telegram HTML (b, i, u, s, a, code, pre, "
                                                                  "tg-spoiler, blockquote); escape < and &")
    photo: str | None = Field(None, max_length=1000, description="Telegram file_id or https URL; the text "
                                                                 "becomes its caption (at most 1024 characters)")
    segment: Segment


class _Export(Body):
    model_config = ConfigDict(extra="forbid", json_schema_extra=require_kind_in_schema)


class UsersExport(_Export):
    kind: Literal["users"] = "users"


class AttemptsExport(_Export):
    kind: Literal["attempts", "statistics"] = "attempts"
    subject: SubjectCode | None = Field(None, description="one subject's code")
    date_from: datetime | None = Field(None, description="from (inclusive); before date_to")
    date_to: datetime | None = Field(None, description="until (exclusive)")


class QuestionsExport(_Export):
    kind: Literal["questions"] = "questions"
    subject: SubjectCode | None = Field(None, description="one subject's code")


class MailingExport(_Export):
    kind: Literal["mailing"] = "mailing"
    mailing_id: Id = Field(description="whose results")


# Each kind takes only the filters that apply to it (anything else is refused as unknown).
ExportRequest = Annotated[UsersExport | AttemptsExport | QuestionsExport | MailingExport, Field(discriminator="kind")]


class ResolveRequest(Body):
    status: Literal["resolved", "dismissed"]
    note: str | None = Field(None, max_length=2000)


class Page(BaseModel):
    limit: int = Field(20, ge=1, le=200)
    offset: int = Field(0, ge=0, le=MAX_ID)  # beyond a bigint PostgreSQL refuses it (a 500)


class ReportsQuery(Page):
    status: Literal["open", "resolved", "dismissed", "all"] = "open"


class BankExportQuery(BaseModel):
    format: Literal["xlsx", "json"] = "xlsx"


class MailingPath(BaseModel):
    mailing_id: Id


class JobPath(BaseModel):
    job_id: Id


class ReportPath(BaseModel):
    report_id: Id
