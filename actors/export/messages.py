"""The export concern's contract: start a job, follow it, fetch its file."""
from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from actors.runtime import Event, Message

ExportKind = Literal["users", "attempts", "statistics", "questions", "mailing"]
JobStatus = Literal["running", "done", "failed"]


class ExportJobView(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    kind: ExportKind
    status: JobStatus
    rows_written: int
    rows_total: int | None = Field(description="counted when the job started; the file may differ slightly")
    progress: float = Field(description="0..1")
    filename: str = Field(description="the name the download gets")
    size_bytes: int | None
    error: str | None
    created_at: datetime
    finished_at: datetime | None


class ExportFile(BaseModel):
    model_config = ConfigDict(frozen=True)

    path: str
    filename: str
    size_bytes: int


class StartExport(Message):
    """-> ExportJobView at once; the file is written by the actor's task. Raises ExportRejected,
    TooManyExports. Dates filter attempts (and statistics) to [date_from, date_to)."""
    kind: ExportKind
    requested_by: int
    subject: str | None = Field(None, pattern=r"^[a-z][a-z0-9_]{0,31}$")
    date_from: datetime | None = None
    date_to: datetime | None = None
    mailing_id: int | None = Field(None, ge=1)
    log_fields: ClassVar[tuple[str, ...]] = ("kind", "requested_by", "subject", "mailing_id")
    analytics_action: ClassVar[str] = "export_requested"


class GetExportJob(Message):
    """-> ExportJobView. Raises ExportNotFound."""
    job_id: int


class GetExportFile(Message):
    """-> ExportFile of a finished job. Raises ExportNotFound (also when expired), ExportNotReady."""
    job_id: int


class ExportCompleted(Event):
    job_id: int
    kind: str
    rows: int
    size_bytes: int
    seconds: float
    user_id: int | None


class ExportFailed(Event):
    job_id: int
    kind: str
    user_id: int | None
    error: str
