"""One draw's chart as plain numbers and strings in one language: what charts.py draws. Equal
ChartData draw equal bytes, so key() can name a cached picture before anything is drawn."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    label: str | None
    xs: tuple[float, ...]
    ys: tuple[float, ...]  # nan where the curve cannot be computed: a gap
    style: str


@dataclass(frozen=True)
class Marker:
    label: str | None
    x: float
    y: float
    guides: bool


@dataclass(frozen=True)
class Shade:
    label: str | None
    xs: tuple[float, ...]
    ys: tuple[float, ...]


@dataclass(frozen=True)
class ChartData:
    locale: str  # of the labels and the tick numbers
    title: str | None
    x_label: str
    y_label: str
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    lines: tuple[Line, ...]
    markers: tuple[Marker, ...]
    shades: tuple[Shade, ...]

    def key(self) -> str:
        """A digest of everything drawn (repr, not ==: a gap is nan, and nan != nan)."""
        return hashlib.sha256(repr(self).encode()).hexdigest()
