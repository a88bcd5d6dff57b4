"""Charts: valid PNGs, the same bytes for the same parameters, other bytes for others."""

from __future__ import annotations

import io

from PIL import Image

from actors.calculated import chart_data, compile_template, draw, render_chart, validate_template
from tests.unit.calculated.builders import template

CHART = {
    "title": "Рынок при P* = {p}",
    "title_en": "The market at P* = {p}",
    "x": {"label": "Q", "max": "a"},
    "y": {"label": "P", "max": "a / b"},
    "curves": [
        {"label": "D", "x": "a - b * y"},
        {"label": "S", "x": "c + d * y"},
        {"label": "AFC", "y": "100 / x", "style": "dashed"},
    ],
    "segments": [{"label": "P = {p}", "start": ["0", "p"], "end": ["a", "p"], "style": "dashed"}],
    "points": [{"label": "E", "x": "q", "y": "p"}],
    "areas": [{"label": "CS", "points": [["0", "p"], ["q", "p"], ["0", "a / b"]]}],
}


def test_a_chart_is_a_valid_png_and_the_same_draw_gives_the_same_bytes():
    compiled = compile_template(template(chart=CHART))
    drawn = draw(compiled, 11)
    png = render_chart(compiled, drawn, "ru")
    assert png is not None and png.startswith(b"\x89PNG\r\n\x1a\n")
    with Image.open(io.BytesIO(png)) as image:
        image.verify()
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG" and image.size == (640, 480)
        assert "Software" not in image.info  # no matplotlib version in the bytes
    assert render_chart(compile_template(template(chart=CHART)), draw(compiled, 11), "ru") == png


def test_other_parameters_or_language_draw_other_bytes():
    compiled = compile_template(template(chart=CHART))
    first, other = (
        draw(compiled, 11),
        next(d for s in range(12, 60) if (d := draw(compiled, s)).params != draw(compiled, 11).params),
    )
    assert render_chart(compiled, first, "ru") != render_chart(compiled, other, "ru")
    assert render_chart(compiled, first, "ru") != render_chart(compiled, first, "en")


def test_chart_data_holds_the_computed_numbers_and_gaps():
    compiled = compile_template(template(chart=CHART))
    drawn = draw(compiled, 11)
    data = chart_data(compiled, drawn, "en")
    values = drawn.values
    assert data.locale == "en" and data.title == f"The market at P* = {values['p']:g}"
    assert data.x_range == (0, values["a"]) and data.markers[0].x == values["q"]
    afc = data.lines[2]
    assert afc.xs[0] == 0 and afc.ys[0] != afc.ys[0]  # 100 / 0 is a gap (nan), not a failure
    assert data.shades[0].ys == (values["p"], values["p"], values["a"] / values["b"])
    assert data.key() == chart_data(compile_template(template(chart=CHART)), draw(compiled, 11), "en").key()
    assert data.key() != chart_data(compiled, drawn, "ru").key()


def test_a_template_without_a_chart_draws_none():
    compiled = compile_template(template())
    assert render_chart(compiled, draw(compiled, 1)) is None


def test_chart_errors_are_reported_per_field():
    report = validate_template(
        template(chart={**CHART, "x": {"label": "Q", "max": "zz"}, "points": [{"x": "q", "y": "p +"}]})
    )
    fields = {e.field: e.message for e in report.errors}
    assert "unknown name 'zz'" in fields["chart.x.max"] and "ends too early" in fields["chart.points[0][1]"]
    empty_axis = validate_template(template(chart={**CHART, "y": {"label": "P", "min": "5", "max": "5"}}))
    assert (
        "the range ends (5) before it starts (5)"
        in {e.field: e.message for e in empty_axis.errors}["chart.y"]
    )
