"""A template's chart: axes, curves, segments, marked points and shaded areas, every number an
expression over the template's names (charts.py draws it)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from actors.bank.importer.draft import Text100, Text200
from actors.calculated.expressions.limits import MAX_LENGTH

Expr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_LENGTH)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Point2 = Annotated[list[Expr], Field(min_length=2, max_length=2)]
Style = Literal["solid", "dashed"]


class Axis(Strict):
    label: Text100
    label_en: Text100 | None = None
    min: Expr = "0"
    max: Expr


class Curve(Strict):
    """y as an expression of x, or x as an expression of y (a demand Q = a - b*P is `x: a - b*y`),
    over `span` (default: the other axis's range)."""

    label: Text100 | None = None
    label_en: Text100 | None = None
    y: Expr | None = None
    x: Expr | None = None
    span: Point2 | None = None
    style: Style = "solid"

    @model_validator(mode="after")
    def _one_variable(self) -> Curve:
        if (self.x is None) == (self.y is None):
            raise ValueError("give y (an expression of x) or x (an expression of y)")
        return self


class Segment(Strict):
    label: Text100 | None = None
    label_en: Text100 | None = None
    start: Point2
    end: Point2
    style: Style = "solid"


class MarkedPoint(Strict):
    label: Text100 | None = None
    label_en: Text100 | None = None
    x: Expr
    y: Expr
    guides: bool = True  # dashed lines to both axes


class Area(Strict):
    label: Text100 | None = None
    label_en: Text100 | None = None
    points: list[Point2] = Field(min_length=3, max_length=12)


class ChartSpec(Strict):
    title: Text200 | None = None
    title_en: Text200 | None = None
    x: Axis
    y: Axis
    curves: list[Curve] = Field(default_factory=list, max_length=8)
    segments: list[Segment] = Field(default_factory=list, max_length=8)
    points: list[MarkedPoint] = Field(default_factory=list, max_length=8)
    areas: list[Area] = Field(default_factory=list, max_length=6)
