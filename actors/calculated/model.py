"""A calculated question's template, as the bank's JSON holds it (data/questions/FORMAT.md,
"Calculated questions"). Pydantic checks the shape here; compiled.py checks the expressions and
validation.py the draws."""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from actors.bank.importer.draft import (
    DEFAULT_POINTS,
    ExternalId,
    Slug,
    SourceDraft,
    Text100,
    Text500,
    Text4000,
)
from actors.calculated.chart_spec import ChartSpec, Expr, Strict
from actors.calculated.expressions.functions import FUNCTIONS
from actors.calculated.expressions.limits import MAX_MAGNITUDE
from actors.calculated.expressions.parser import KEYWORDS

TemplateType = Literal["open", "one", "multiple"]
MAX_PARAMS, MAX_DERIVED, MAX_RULES, MAX_CHOICES = 20, 40, 20, 10
MAX_VALUES_PER_PARAM = 100_000
# Names a parameter or derived value may not take: the language's words, the functions, the
# answer (checks read it) and the chart's free variables.
RESERVED = KEYWORDS | set(FUNCTIONS) | {"if", "answer", "x", "y"}

Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_]{0,31}$")]
Number = Annotated[float, Field(ge=-MAX_MAGNITUDE, le=MAX_MAGNITUDE, allow_inf_nan=False)]


class ParamSpec(Strict):
    """A range {min, max, step} or a list {values}."""

    min: Number | None = None
    max: Number | None = None
    step: Number | None = Field(None, gt=0)
    values: list[Number] | None = Field(None, min_length=1, max_length=100)

    @model_validator(mode="after")
    def _one_shape(self) -> ParamSpec:
        ranged = (self.min, self.max, self.step)
        if self.values is not None:
            if any(v is not None for v in ranged):
                raise ValueError("give either min, max and step, or values, not both")
            if len(set(self.values)) != len(self.values):
                raise ValueError("values repeat")
        elif any(v is None for v in ranged):
            raise ValueError("give min, max and step (a range), or values (a list)")
        elif self.max < self.min:  # type: ignore[operator]
            raise ValueError("max is below min")
        elif self.count() > MAX_VALUES_PER_PARAM:
            raise ValueError(f"the range has {self.count()} values; the limit is {MAX_VALUES_PER_PARAM}")
        return self

    def count(self) -> int:
        if self.values is not None:
            return len(self.values)
        return int((self.max - self.min) / self.step + 1e-9) + 1  # type: ignore[operator]

    def contains(self, value: float) -> bool:
        if self.values is not None:
            return value in self.values
        steps = (value - self.min) / self.step  # type: ignore[operator]
        return 0 <= round(steps) < self.count() and abs(steps - round(steps)) < 1e-9

    def value(self, index: int) -> float:
        if self.values is not None:
            return float(self.values[index])
        # Rounded, so that 0.1 steps give 0.3, not 0.30000000000000004.
        return round(self.min + index * self.step, 10)  # type: ignore[operator]


class Mistake(Strict):
    """A wrong option: the number a typical mistake gives. `why` says which mistake (for the
    reviewer, and for a hint after a wrong answer)."""

    value: Expr
    why: Text500 | None = None
    why_en: Text500 | None = None


class Template(Strict):
    external_id: ExternalId
    subject: Slug
    theme: Text100
    source: SourceDraft | None = None
    type: TemplateType
    text: Text4000
    text_en: Text4000 | None = None
    params: dict[Identifier, ParamSpec] = Field(min_length=1, max_length=MAX_PARAMS)
    derived: dict[Identifier, Expr] = Field(default_factory=dict, max_length=MAX_DERIVED)
    constraints: list[Expr] = Field(default_factory=list, max_length=MAX_RULES)
    answer: Expr | None = None  # open and one
    answers: list[Expr] | None = Field(None, min_length=1, max_length=MAX_CHOICES - 1)  # multiple
    decimals: int = Field(2, ge=0, le=6)  # the answer is rounded to this many decimals
    tolerance: float | None = Field(None, ge=0, le=MAX_MAGNITUDE)  # open only, absolute
    option_format: Literal["number", "time"] = "number"
    mistakes: list[Mistake] = Field(default_factory=list, max_length=MAX_CHOICES - 1)
    min_options: int = Field(3, ge=2, le=MAX_CHOICES)
    explanation: Text4000
    explanation_en: Text4000 | None = None
    checks: list[Expr] = Field(default_factory=list, max_length=MAX_RULES)
    chart: ChartSpec | None = None
    may_in_subway: bool = False
    difficulty: int = Field(ge=1, le=5)
    points: int | None = Field(None, ge=1, le=100)

    @field_validator("params", "derived")
    @classmethod
    def _not_reserved(cls, names: dict[str, object]) -> dict[str, object]:
        taken = sorted(set(names) & RESERVED)
        if taken:
            raise ValueError(f"reserved name(s) {', '.join(taken)}: pick another name")
        return names

    @model_validator(mode="after")
    def _shape_fits_type(self) -> Template:
        problems = []
        if self.type == "multiple":
            if self.answers is None or self.answer is not None:
                problems.append("a 'multiple' template gives `answers` (a list), not `answer`")
        elif self.answer is None or self.answers is not None:
            problems.append(f"a {self.type!r} template gives `answer`, not `answers`")
        if self.type == "open" and self.mistakes:
            problems.append("an 'open' template has no mistakes (no options)")
        if self.type != "open" and not self.mistakes:
            problems.append("a choice template needs mistakes: the wrong options")
        if self.type != "open" and self.tolerance is not None:
            problems.append("only an 'open' template has a tolerance")
        if self.type != "open" and self.min_options > len(self.answers or [1]) + len(self.mistakes):
            problems.append("min_options is more than the answers and mistakes can give")
        if self.params.keys() & self.derived.keys():
            problems.append("a derived value has the name of a parameter")
        if (self.text_en is None) != (self.explanation_en is None):
            problems.append("English is all or none: give both text_en and explanation_en")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def content_hash(self) -> str:
        """Same content, same hash (as a question's): an unchanged re-import writes nothing, and a
        cache of compiled templates can key on it."""
        canonical = json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode()).hexdigest()

    @property
    def effective_points(self) -> int:
        return self.points or DEFAULT_POINTS[self.type]

    @property
    def has_english(self) -> bool:
        return self.text_en is not None
