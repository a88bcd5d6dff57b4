"""The filter a user keeps, and the filter screens' options. An empty list means "any"."""
from __future__ import annotations

from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from actors.training.filters import QuestionFilter, QuestionType

Code = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,31}$")]
RowId = Annotated[int, Field(ge=1, le=2_147_483_647)]


class _Reply(BaseModel):
    model_config = ConfigDict(frozen=True)


class FilterSettings(BaseModel):
    """Lists come back sorted and without repeats; an empty list does not restrict."""
    model_config = ConfigDict(frozen=True, extra="forbid")

    subjects: tuple[Code, ...] = Field((), max_length=50, description="subject codes: economics")
    themes: tuple[RowId, ...] = Field((), max_length=500, description="theme ids (see /filters/options)")
    sources: tuple[RowId, ...] = Field((), max_length=500, description="source ids: olympiad, stage, year")
    stages: tuple[Code, ...] = Field((), max_length=20, description="school, municipal, regional, final…")
    types: tuple[QuestionType, ...] = Field((), max_length=20)
    difficulty_min: int = Field(1, ge=1, le=5)
    difficulty_max: int = Field(5, ge=1, le=5)
    only_may_in_subway: bool = Field(False, description="only questions solvable without paper")

    @field_validator("subjects", "themes", "sources", "stages", "types", mode="after")
    @classmethod
    def _sorted_unique(cls, values: tuple) -> tuple:
        return tuple(sorted(set(values)))

    @model_validator(mode="after")
    def _band(self) -> FilterSettings:
        if self.difficulty_min > self.difficulty_max:
            raise ValueError("difficulty_min is above difficulty_max")
        return self

    def to_question_filter(self) -> QuestionFilter:
        return QuestionFilter(**{name: frozenset(v) if isinstance(v, tuple) else v for name, v in self})


class FilterState(_Reply):
    filter: FilterSettings
    matching: int = Field(description="questions in the bank that match the whole filter")
    message: str | None = Field(description="set when nothing matches: what to do about it")


class SubjectOption(_Reply):
    code: str
    name: str
    questions: int                  # with this value selected, every other choice kept
    selected: bool


class ThemeOption(_Reply):
    id: int
    subject: str
    name: str
    questions: int
    selected: bool


class SourceOption(_Reply):
    id: int
    olympiad: str
    stage: str
    year: int
    questions: int
    selected: bool


class ValueOption(_Reply):
    value: str | int                # a stage, a question type, or a difficulty level
    questions: int
    selected: bool


class FilterOptions(FilterState):
    subjects: tuple[SubjectOption, ...]
    themes: tuple[ThemeOption, ...]
    sources: tuple[SourceOption, ...]
    stages: tuple[ValueOption, ...]
    types: tuple[ValueOption, ...]
    difficulties: tuple[ValueOption, ...]
    may_in_subway: int = Field(description="questions that would match with only_may_in_subway on")
