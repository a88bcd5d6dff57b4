"""Texts with computed numbers: "Qd = {a} − {b}P", "P* = {(a - c) / (b + d):1}".

A placeholder is `{expression}` or `{expression:format}` (formats: formatting.py); the expression
is any number expression over the template's names; without a format it shows up to the template's
`decimals`. `{{` and `}}` write literal braces. The
language of the text decides the decimal separator: the caller passes "ru" or "en"."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from actors.calculated.errors import ExpressionError, ExpressionSyntaxError
from actors.calculated.expressions import Env, Expression, Kind, compile_expression
from actors.calculated.formatting import DEFAULT_DECIMALS, NumberFormat, format_number, parse_spec

MAX_PLACEHOLDERS = 60


@dataclass(frozen=True)
class Placeholder:
    expression: Expression
    number_format: NumberFormat


@dataclass(frozen=True)
class TextTemplate:
    parts: tuple[str | Placeholder, ...]

    @property
    def names(self) -> frozenset[str]:
        return frozenset().union(*(p.expression.names for p in self.parts if isinstance(p, Placeholder)))

    def render(self, env: Env, locale: str) -> str:
        return "".join(
            part
            if isinstance(part, str)
            else format_number(float(part.expression(env)), locale, part.number_format)
            for part in self.parts
        )


def compile_text(
    text: str, scope: Mapping[str, Kind], field: str, decimals: int = DEFAULT_DECIMALS
) -> TextTemplate:
    parts: list[str | Placeholder] = []
    literal: list[str] = []
    at = 0
    while at < len(text):
        char = text[at]
        if char in "{}" and text[at + 1 : at + 2] == char:
            literal.append(char)
            at += 2
        elif char == "}":
            raise ExpressionSyntaxError("a lone '}': write '}}' for a brace", at, field)
        elif char == "{":
            end = text.find("}", at)
            if end < 0:
                raise ExpressionSyntaxError("a '{' without its '}': write '{{' for a brace", at, field)
            parts.append("".join(literal))
            literal = []
            parts.append(_placeholder(text[at + 1 : end], at + 1, scope, field, decimals))
            at = end + 1
        else:
            literal.append(char)
            at += 1
    parts.append("".join(literal))
    if sum(isinstance(p, Placeholder) for p in parts) > MAX_PLACEHOLDERS:
        raise ExpressionSyntaxError(f"more than {MAX_PLACEHOLDERS} placeholders", None, field)
    return TextTemplate(tuple(p for p in parts if p != ""))


def _placeholder(body: str, offset: int, scope: Mapping[str, Kind], field: str, decimals: int) -> Placeholder:
    source, colon, spec = body.rpartition(":") if ":" in body else (body, "", "")
    try:
        number_format = parse_spec(spec.strip(), decimals)
    except ValueError as error:
        raise ExpressionSyntaxError(str(error), offset + len(source) + len(colon), field) from None
    try:
        expression = compile_expression(source, scope, expect="number", field=field)
    except ExpressionError as error:
        position = offset + (error.position or 0)
        raise type(error)(f"in {{{body}}}: {error.message}", position, field) from None
    return Placeholder(expression, number_format)
