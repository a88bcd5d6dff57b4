"""One question as the import format describes it, validated field by field (pydantic, strict types),
then checked as a whole (options and answer against the type) by validate.py."""
from __future__ import annotations

import hashlib
import json
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

# Default points per type, as on the olympiads the seed bank imitates.
DEFAULT_POINTS = {"yes_no": 1, "one": 3, "multiple": 5, "open": 7}
MAX_OPTIONS = 10
# Characters a spreadsheet cannot hold and no question needs (tab, newline, CR are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _no_control(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError("contains control characters")
    return value


def _text(max_length: int) -> Any:
    return Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length),
                     AfterValidator(_no_control)]


Text100, Text200, Text500, Text4000 = _text(100), _text(200), _text(500), _text(4000)
Slug = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z][a-z0-9_]{0,31}$")]
ExternalId = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")]
QuestionType = Literal["yes_no", "one", "multiple", "open"]


class SourceDraft(BaseModel):
    model_config = ConfigDict(extra="forbid")

    olympiad: Text200
    stage: Slug                                 # school, municipal, regional, final, …
    year: int = Field(ge=1900, le=2100)


class QuestionDraft(BaseModel):
    model_config = ConfigDict(extra="forbid")

    external_id: ExternalId
    subject: Slug
    theme: Text100
    source: SourceDraft | None = None
    type: QuestionType
    text: Text4000
    options: list[Text500] = Field(default_factory=list, max_length=MAX_OPTIONS)
    correct: Any
    tolerance: float | None = Field(None, ge=0)
    explanation: Text4000
    may_in_subway: bool = False
    difficulty: int = Field(ge=1, le=5)
    points: int | None = Field(None, ge=1, le=100)
    image: Text500 | None = None               # a URL or a path the edges know how to send

    def content_hash(self) -> str:
        """Same content, same hash: a re-import of an unchanged question writes nothing."""
        canonical = json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode()).hexdigest()
