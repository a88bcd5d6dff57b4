"""ChartData -> PNG bytes, the economics-textbook way: axes from the origin with their names at the
ends, each curve labelled at its end, marked points with dashed guides to the axes, shaded areas.

matplotlib's object API with the Agg canvas (no pyplot, no global figure state), so renders can run
in worker threads. Deterministic: the same data give the same bytes (the media store addresses a
picture by its SHA-256): PNG metadata carries no date and we drop the "Software" entry, so the
bytes do not change with the matplotlib version string; everything that shapes the picture is set
here, not taken from rcParams someone might change."""

from __future__ import annotations

import io
import math

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from actors.calculated.chart_data import ChartData, Line
from actors.calculated.compiled import CompiledTemplate
from actors.calculated.drawing import Draw
from actors.calculated.formatting import NumberFormat, format_number
from actors.calculated.rendering import language

DPI = 100
SIZE_IN = (6.4, 4.8)
FONT = {"family": "DejaVu Sans", "size": 11}
TEXT = {"fontfamily": FONT["family"], "fontsize": FONT["size"]}
COLORS = ("#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#34495e", "#16a085", "#7f8c8d")
SHADES = ("#f4d03f", "#85c1e9", "#f5b7b1", "#a9dfbf", "#d7bde2", "#fad7a0")


def chart_data(compiled: CompiledTemplate, drawn: Draw, locale: str = "ru") -> ChartData | None:
    """The numbers and labels of the draw's chart (None: the template has none). Raises
    EvaluationError only for a template the validator refuses."""
    if compiled.chart is None:
        return None
    return compiled.chart.evaluate(drawn.values, language(compiled, locale))


def render_chart(compiled: CompiledTemplate, drawn: Draw, locale: str = "ru") -> bytes | None:
    data = chart_data(compiled, drawn, locale)
    return None if data is None else chart_png(data)


def chart_png(data: ChartData) -> bytes:
    figure = Figure(figsize=SIZE_IN, dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    _frame(axes, data)
    for shade, color in zip(data.shades, SHADES * 2, strict=False):
        axes.fill(shade.xs, shade.ys, color=color, alpha=0.6, linewidth=0, zorder=1)
        if shade.label:
            axes.text(
                sum(shade.xs) / len(shade.xs),
                sum(shade.ys) / len(shade.ys),
                shade.label,
                ha="center",
                va="center",
                fontdict=FONT,
                zorder=5,
            )
    for line, color in zip(data.lines, COLORS * 2, strict=False):
        axes.plot(
            line.xs,
            line.ys,
            color=color,
            linewidth=2,
            zorder=3,
            linestyle="--" if line.style == "dashed" else "-",
        )
        _label_end(axes, line, data, color)
    for marker in data.markers:
        if marker.guides:
            axes.plot(
                [marker.x, marker.x, data.x_range[0]],
                [data.y_range[0], marker.y, marker.y],
                color="#555555",
                linewidth=1,
                linestyle=":",
                zorder=2,
            )
        axes.plot([marker.x], [marker.y], marker="o", markersize=6, color="black", zorder=4)
        if marker.label:
            axes.annotate(
                marker.label,
                (marker.x, marker.y),
                xytext=(6, 6),
                textcoords="offset points",
                zorder=5,
                **TEXT,
            )
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _frame(axes, data: ChartData) -> None:
    axes.set_xlim(*data.x_range)
    axes.set_ylim(*data.y_range)
    axes.spines[["top", "right"]].set_visible(False)
    ticks = FuncFormatter(lambda value, _: format_number(value, data.locale, NumberFormat(decimals=2)))
    for axis in (axes.xaxis, axes.yaxis):
        axis.set_major_locator(MaxNLocator(nbins=8))
        axis.set_major_formatter(ticks)
    axes.tick_params(labelsize=9)
    axes.grid(True, color="#e5e5e5", linewidth=0.8, zorder=0)
    # The axes' names sit at their ends, as on a blackboard: Q at the right, P at the top.
    axes.annotate(
        data.x_label,
        (1, 0),
        xycoords="axes fraction",
        xytext=(0, -22),
        textcoords="offset points",
        ha="right",
        va="top",
        **TEXT,
    )
    axes.annotate(
        data.y_label,
        (0, 1),
        xycoords="axes fraction",
        xytext=(-8, 6),
        textcoords="offset points",
        ha="right",
        va="bottom",
        **TEXT,
    )
    if data.title:
        axes.set_title(data.title, loc="left", fontdict={**FONT, "size": 12})


def _label_end(axes, line: Line, data: ChartData, color: str) -> None:
    """The label goes by the curve's rightmost point inside the chart (the top one of a vertical
    line), where a textbook writes D at the bottom right and S at the top right."""
    if not line.label:
        return
    (x_low, x_high), (y_low, y_high) = data.x_range, data.y_range
    inside = [
        (x, y)
        for x, y in zip(line.xs, line.ys, strict=True)
        if math.isfinite(x) and math.isfinite(y) and x_low <= x <= x_high and y_low <= y <= y_high
    ]
    if inside:
        end = max(enumerate(inside), key=lambda item: (item[1][0], item[0]))[1]
        axes.annotate(
            line.label,
            end,
            xytext=(4, 4),
            textcoords="offset points",
            color=color,
            fontweight="bold",
            zorder=5,
            **TEXT,
        )
