"""Numbers as the texts write them, and placeholders."""

from __future__ import annotations

import pytest

from actors.calculated.errors import ExpressionSyntaxError, ExpressionTypeError, UnknownName
from actors.calculated.formatting import format_number, parse_spec, plain_number
from actors.calculated.placeholders import compile_text


@pytest.mark.parametrize(
    "value, spec, ru, en",
    [
        (24, "", "24", "24"),
        (24.5, "", "24,5", "24.5"),
        (1 / 3, "", "0,33", "0.33"),
        (2.675, "", "2,68", "2.68"),
        (-2.5, "", "−2,5", "−2.5"),
        (-0.001, "", "0", "0"),
        (12500.25, "", "12\u00a0500,25", "12,500.25"),
        (1234, "", "1234", "1234"),
        (12.5, "2f", "12,50", "12.50"),
        (1 / 3, "4", "0,3333", "0.3333"),
        (2.5, "0", "3", "3"),
        (20, "+", "+ 20", "+ 20"),
        (-20, "+", "− 20", "− 20"),
        (3, "±0", "+3", "+3"),
        (-2.5, "±", "−2,5", "−2.5"),
        (13.5, "time", "13:30", "13:30"),
        (25, "time", "01:00", "01:00"),
        (-1, "time", "23:00", "23:00"),
    ],
)
def test_numbers_in_each_language(value, spec, ru, en):
    number_format = parse_spec(spec)
    assert format_number(value, "ru", number_format) == ru
    assert format_number(value, "en", number_format) == en


def test_the_template_decimals_are_the_default_precision():
    assert format_number(1 / 3, "ru", parse_spec("", default_decimals=3)) == "0,333"


@pytest.mark.parametrize("spec", ["x", "f", "7", "++", "3g"])
def test_unknown_formats_are_refused(spec):
    with pytest.raises(ValueError):
        parse_spec(spec)


def test_plain_numbers_are_what_the_open_answer_accepts():
    assert [plain_number(v, 2) for v in (24.0, 24.5, -2.5, 1 / 3, 12500.0)] == [
        "24",
        "24.5",
        "-2.5",
        "0.33",
        "12500",
    ]


def test_placeholders_are_expressions_with_formats_and_braces_escape():
    text = compile_text(
        "Qd = {a} − {b}P {c:+}; P = {(a - c) / b:1}; {{x}}",
        {"a": "number", "b": "number", "c": "number"},
        "text",
    )
    assert text.render({"a": 100.0, "b": 3.0, "c": -20.0}, "ru") == "Qd = 100 − 3P − 20; P = 40; {x}"
    assert text.render({"a": 100.0, "b": 3.0, "c": 1.0}, "en") == "Qd = 100 − 3P + 1; P = 33; {x}"
    assert text.names == {"a", "b", "c"}


@pytest.mark.parametrize(
    "text, error, message",
    [
        ("{a", ExpressionSyntaxError, "without its '}'"),
        ("a}", ExpressionSyntaxError, "a lone '}'"),
        ("{z}", UnknownName, "in {z}: unknown name 'z'"),
        ("{a:9}", ExpressionSyntaxError, "at most 6 decimals"),
        ("{a > 1}", ExpressionTypeError, "must be a number"),
        ("{}", ExpressionSyntaxError, "empty"),
    ],
)
def test_bad_placeholders_name_the_field(text, error, message):
    with pytest.raises(error) as caught:
        compile_text(text, {"a": "number"}, "explanation_en")
    assert message in str(caught.value) and caught.value.field == "explanation_en"
