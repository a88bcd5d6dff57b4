"""Which questions a user wants to train on. The filters concern (#5) stores one per user; until then
everything matches. An empty set means "no restriction" on that field."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

QuestionType = Literal["yes_no", "one", "multiple", "open"]


class QuestionFilter(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    subjects: frozenset[str] = frozenset()      # subject codes: "economics"
    themes: frozenset[int] = frozenset()        # theme ids (GetCatalog lists them)
    sources: frozenset[int] = frozenset()       # source ids (olympiad + stage + year)
    stages: frozenset[str] = frozenset()        # "school", "municipal", "regional", "final", …
    types: frozenset[QuestionType] = frozenset()
    difficulty_min: int = Field(1, ge=1, le=5)
    difficulty_max: int = Field(5, ge=1, le=5)
    only_may_in_subway: bool = False            # only questions solvable without paper

    @model_validator(mode="after")
    def _range(self) -> QuestionFilter:
        if self.difficulty_min > self.difficulty_max:
            raise ValueError("difficulty_min is above difficulty_max")
        return self


FiltersFor = Callable[[int], Awaitable[QuestionFilter]]

EVERYTHING = QuestionFilter()


async def no_filters(user_id: int) -> QuestionFilter:
    """The default until #5 plugs in stored per-user filters."""
    return EVERYTHING
