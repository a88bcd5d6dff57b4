"""The bank's contract: import, export, catalog. Replies live here too (they are small)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from actors.runtime import Event, Message

ExportFormat = Literal["json", "xlsx"]


class _Reply(BaseModel):
    model_config = ConfigDict(frozen=True)


class ImportSummary(_Reply):
    total: int
    created: int
    updated: int
    unchanged: int


class ExportedFile(_Reply):
    filename: str               # "questions.xlsx"
    content_type: str
    content: bytes
    questions: int


class SubjectEntry(_Reply):
    code: str
    name: str
    questions: int


class ThemeEntry(_Reply):
    id: int                     # what QuestionFilter.themes holds
    subject: str
    name: str
    questions: int


class SourceEntry(_Reply):
    id: int                     # what QuestionFilter.sources holds
    olympiad: str
    stage: str
    year: int
    questions: int


class Catalog(_Reply):
    subjects: tuple[SubjectEntry, ...]
    themes: tuple[ThemeEntry, ...]
    sources: tuple[SourceEntry, ...]


class ImportQuestions(Message):
    """-> ImportSummary. All or nothing, idempotent by external_id.
    Raises ImportRejected (InvalidInput) with `.errors`: a tuple of RowError."""
    content: bytes
    filename: str               # the extension picks the reader: .json or .xlsx
    log_fields = ("filename",)


class ExportQuestions(Message):
    """-> ExportedFile, in the import format (so an export imports back unchanged)."""
    format: ExportFormat = "xlsx"
    log_fields = ("format",)


class GetCatalog(Message):
    """-> Catalog: subjects, themes and sources with question counts (for filters and menus)."""


class QuestionsImported(Event):
    filename: str
    total: int
    created: int
    updated: int
    unchanged: int
