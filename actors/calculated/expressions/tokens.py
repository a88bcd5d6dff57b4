"""Text -> tokens. Numbers are decimal (a point, an optional exponent), names are latin identifiers,
operators are ASCII or their typographic forms (− × ÷ ≤ ≥ ≠), so a formula copied from a text works."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from actors.calculated.errors import ExpressionSyntaxError, ExpressionTooComplex
from actors.calculated.expressions.limits import MAX_LENGTH

TokenKind = Literal["number", "name", "op", "end"]

_ALIASES = {"−": "-", "×": "*", "·": "*", "÷": "/", "≤": "<=", "≥": ">=", "≠": "!=", "=": "=="}
_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<power>\*\*)
  | (?P<op><=|>=|==|!=|[-+*/^(),<>=−×·÷≤≥≠])
""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Token:
    kind: TokenKind
    text: str
    position: int


def tokenize(source: str) -> list[Token]:
    if len(source) > MAX_LENGTH:
        raise ExpressionTooComplex(
            f"the expression is {len(source)} characters long; the limit is {MAX_LENGTH}"
        )
    tokens: list[Token] = []
    position = 0
    while position < len(source):
        match = _TOKEN.match(source, position)
        if match is None:
            raise ExpressionSyntaxError(f"unexpected character {source[position]!r}", position)
        kind = match.lastgroup
        if kind == "power":
            raise ExpressionSyntaxError("use ^ for a power (2^3), not **", position)
        if kind != "space":
            text = match.group()
            tokens.append(
                Token("op", _ALIASES.get(text, text), position)
                if kind == "op"
                else Token(kind, text, position)
            )  # type: ignore[arg-type]
        position = match.end()
    if not tokens:
        raise ExpressionSyntaxError("the expression is empty", 0)
    tokens.append(Token("end", "", len(source)))
    return tokens
