"""The statistics screen's progress chart, rendered on the server as a PNG.

Accuracy by theme (horizontal bars) above daily activity (answers and correct answers per day).
matplotlib's object API with the Agg canvas: no pyplot, no global figure state, so renders may run
in worker threads (`render_progress` runs one off the event loop). Texts arrive already localized;
DejaVu Sans (shipped with matplotlib) draws Cyrillic.
"""
from __future__ import annotations

import asyncio
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

MAX_THEMES = 8
LABEL_CHARS = 30
DPI = 100
WIDTH_IN = 8.0
FONT = "DejaVu Sans"
GOOD, FAIR, WEAK, MUTED = "#2e9e5b", "#e0a526", "#d9534f", "#b8c4d6"


@dataclass(frozen=True)
class ThemeBar:
    label: str
    accuracy: float  # 0..1
    attempts: int


@dataclass(frozen=True)
class DayBar:
    day: date
    attempts: int
    correct: int


@dataclass(frozen=True)
class ChartTexts:
    themes_title: str
    days_title: str
    answers: str
    correct: str
    no_data: str


async def render_progress(themes: Sequence[ThemeBar], days: Sequence[DayBar], today: date,
                          texts: ChartTexts, days_back: int = 30) -> bytes:
    """progress_png in a worker thread, so the event loop keeps serving other users."""
    return await asyncio.to_thread(progress_png, themes, days, today, texts, days_back)


def progress_png(themes: Sequence[ThemeBar], days: Sequence[DayBar], today: date,
                 texts: ChartTexts, days_back: int = 30) -> bytes:
    shown = _pick_themes(themes)
    theme_height = 1.2 + 0.38 * max(len(shown), 2)
    figure = Figure(figsize=(WIDTH_IN, theme_height + 2.8), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    top, bottom = figure.subplots(2, 1, height_ratios=[theme_height, 2.8])
    _draw_themes(top, shown, texts)
    _draw_days(bottom, _window(days, today, days_back), texts)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _pick_themes(themes: Sequence[ThemeBar]) -> list[ThemeBar]:
    """The most practised themes, weakest at the top of the chart."""
    busiest = sorted((t for t in themes if t.attempts > 0), key=lambda t: -t.attempts)[:MAX_THEMES]
    return sorted(busiest, key=lambda t: (-t.accuracy, t.label))  # barh draws the first at the bottom


def _window(days: Sequence[DayBar], today: date, days_back: int) -> list[DayBar]:
    by_day = {d.day: d for d in days}
    first = today - timedelta(days=days_back - 1)
    return [by_day.get(first + timedelta(days=i), DayBar(first + timedelta(days=i), 0, 0))
            for i in range(days_back)]


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1] + "…"


def _color(accuracy: float) -> str:
    return GOOD if accuracy >= 0.75 else FAIR if accuracy >= 0.5 else WEAK


def _draw_themes(axes, themes: list[ThemeBar], texts: ChartTexts) -> None:
    axes.set_title(texts.themes_title, loc="left", fontsize=12, fontfamily=FONT)
    axes.set_xlim(0, 115)
    axes.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    axes.spines[["top", "right"]].set_visible(False)
    if not themes:
        axes.set_yticks([])
        axes.text(50, 0.5, texts.no_data, ha="center", va="center", color="gray", fontfamily=FONT,
                  transform=axes.get_xaxis_transform())
        return
    rows = range(len(themes))
    values = [t.accuracy * 100 for t in themes]
    axes.barh(rows, values, color=[_color(t.accuracy) for t in themes], height=0.65)
    axes.set_yticks(rows, [f"{_short(t.label)} ({t.attempts})" for t in themes], fontsize=9, fontfamily=FONT)
    for row, value in zip(rows, values, strict=True):
        axes.text(value + 1.5, row, f"{value:.0f}%", va="center", fontsize=9, fontfamily=FONT)


def _draw_days(axes, days: list[DayBar], texts: ChartTexts) -> None:
    axes.set_title(texts.days_title, loc="left", fontsize=12, fontfamily=FONT)
    axes.spines[["top", "right"]].set_visible(False)
    positions = range(len(days))
    axes.bar(positions, [d.attempts for d in days], color=MUTED, label=texts.answers, width=0.8)
    axes.bar(positions, [d.correct for d in days], color=GOOD, label=texts.correct, width=0.8)
    ticks = [i for i in positions if (len(days) - 1 - i) % 7 == 0]
    axes.set_xticks(ticks, [days[i].day.strftime("%d.%m") for i in ticks], fontsize=9)
    axes.set_xlim(-0.6, len(days) - 0.4)
    peak = max((d.attempts for d in days), default=0)
    axes.set_ylim(0, max(peak, 4) * 1.15)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=2, frameon=False,
                prop={"family": FONT, "size": 9})  # above the plot, right of the title
