"""A chart spec compiled (every number an Expression, every label a TextTemplate) and evaluated for
one draw into ChartData (chart_data.py), which charts.py draws."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from actors.calculated.chart_data import ChartData, Line, Marker, Shade
from actors.calculated.chart_spec import ChartSpec
from actors.calculated.collector import Collector
from actors.calculated.errors import EvaluationError
from actors.calculated.expressions import Env, Expression, Kind
from actors.calculated.placeholders import TextTemplate

SAMPLES = 121  # points per curve: smooth at the chart's size, cheap to compute
Pair = tuple[Expression, Expression]


@dataclass(frozen=True)
class _Labels:
    ru: TextTemplate | None
    en: TextTemplate | None

    def render(self, env: Env, locale: str) -> str | None:
        chosen = self.en if locale == "en" and self.en is not None else self.ru
        return chosen.render(env, "en" if chosen is self.en else "ru") if chosen else None


@dataclass(frozen=True)
class CompiledChart:
    title: _Labels
    axes: tuple[tuple[_Labels, Pair], tuple[_Labels, Pair]]  # x, y: label, (min, max)
    curves: tuple[
        tuple[_Labels, str, Expression, Pair | None, str], ...
    ]  # label, free variable, expr, span, style
    segments: tuple[tuple[_Labels, Pair, Pair, str], ...]
    points: tuple[tuple[_Labels, Pair, bool], ...]
    areas: tuple[tuple[_Labels, tuple[Pair, ...]], ...]

    def evaluate(self, env: Env, locale: str) -> ChartData:
        (x_label, x_span), (y_label, y_span) = self.axes
        ranges = {"x": _range(x_span, env, "chart.x"), "y": _range(y_span, env, "chart.y")}
        lines = [
            _curve(
                variable,
                expression,
                ranges[variable] if span is None else _range(span, env, "chart.curves.span"),
                env,
                label.render(env, locale),
                style,
            )
            for label, variable, expression, span, style in self.curves
        ]
        lines += [
            Line(
                label.render(env, locale),
                (_n(start[0], env), _n(end[0], env)),
                (_n(start[1], env), _n(end[1], env)),
                style,
            )
            for label, start, end, style in self.segments
        ]
        return ChartData(
            locale=locale,
            title=self.title.render(env, locale),
            x_label=x_label.render(env, locale) or "",
            y_label=y_label.render(env, locale) or "",
            x_range=ranges["x"],
            y_range=ranges["y"],
            lines=tuple(lines),
            markers=tuple(
                Marker(label.render(env, locale), _n(x, env), _n(y, env), guides)
                for label, (x, y), guides in self.points
            ),
            shades=tuple(
                Shade(
                    label.render(env, locale),
                    tuple(_n(x, env) for x, _ in corners),
                    tuple(_n(y, env) for _, y in corners),
                )
                for label, corners in self.areas
            ),
        )


def _n(expression: Expression, env: Env) -> float:
    return float(expression(env))


def _range(span: Pair, env: Env, field: str) -> tuple[float, float]:
    low, high = _n(span[0], env), _n(span[1], env)
    if not high > low:
        raise EvaluationError(f"the range ends ({high:g}) before it starts ({low:g})", None, field)
    return low, high


def _curve(
    variable: str, expression: Expression, span: tuple[float, float], env: Env, label: str | None, style: str
) -> Line:
    """`variable` is the free one: "x" for y = f(x), "y" for x = f(y)."""
    low, high = span
    free = [low + (high - low) * i / (SAMPLES - 1) for i in range(SAMPLES)]
    values = []
    for value in free:
        try:
            values.append(float(expression({**env, variable: value})))
        except EvaluationError:
            values.append(float("nan"))  # e.g. AFC = FC / x at x = 0: a gap, not a failed chart
    xs, ys = (free, values) if variable == "x" else (values, free)
    return Line(label, tuple(xs), tuple(ys), style)


def compile_chart(spec: ChartSpec, scope: Mapping[str, Kind], collect: Collector) -> CompiledChart | None:
    before = len(collect.errors)

    def labels(item, field: str, name: str = "label") -> _Labels:
        return _Labels(
            collect.text(getattr(item, name), scope, f"{field}.{name}"),
            collect.text(getattr(item, f"{name}_en"), scope, f"{field}.{name}_en"),
        )

    def pair(sources: list[str], field: str, local: Mapping[str, Kind] = scope) -> Pair:
        return tuple(
            collect.expression(s, local, "number", f"{field}[{i}]")  # type: ignore[return-value]
            for i, s in enumerate(sources)
        )

    axes = tuple(
        (
            labels(axis, f"chart.{name}"),
            (
                collect.expression(axis.min, scope, "number", f"chart.{name}.min"),
                collect.expression(axis.max, scope, "number", f"chart.{name}.max"),
            ),
        )
        for name, axis in (("x", spec.x), ("y", spec.y))
    )
    curves = []
    for i, curve in enumerate(spec.curves):
        variable, source = ("x", curve.y) if curve.y is not None else ("y", curve.x)
        bound = "y" if variable == "x" else "x"
        expression = collect.expression(
            source or "", {**scope, variable: "number"}, "number", f"chart.curves[{i}].{bound}"
        )
        span = pair(curve.span, f"chart.curves[{i}].span") if curve.span else None
        curves.append((labels(curve, f"chart.curves[{i}]"), variable, expression, span, curve.style))
    segments = [
        (
            labels(s, f"chart.segments[{i}]"),
            pair(s.start, f"chart.segments[{i}].start"),
            pair(s.end, f"chart.segments[{i}].end"),
            s.style,
        )
        for i, s in enumerate(spec.segments)
    ]
    points = [
        (labels(p, f"chart.points[{i}]"), pair([p.x, p.y], f"chart.points[{i}]"), p.guides)
        for i, p in enumerate(spec.points)
    ]
    areas = [
        (
            labels(a, f"chart.areas[{i}]"),
            tuple(pair(c, f"chart.areas[{i}].points[{j}]") for j, c in enumerate(a.points)),
        )
        for i, a in enumerate(spec.areas)
    ]
    if len(collect.errors) > before:
        return None
    return CompiledChart(
        labels(spec, "chart", "title"),
        axes,
        tuple(curves),
        tuple(segments),  # type: ignore[arg-type]
        tuple(points),
        tuple(areas),
    )
