"""The whitelisted functions: the only calls an expression can make. Each takes and returns plain
floats (whole() returns a truth value); `if` is not here: the compiler makes it lazy, so
`if(q > 0, tc / q, 0)` never divides by zero."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from actors.calculated.errors import EvaluationError
from actors.calculated.expressions.limits import MAX_ARGUMENTS, RELATIVE_EPSILON


@dataclass(frozen=True)
class Function:
    fewest: int
    most: int
    implementation: Callable[..., float | bool]
    returns: str = "number"


def _positive(name: str, x: float) -> float:
    if x <= 0:
        raise EvaluationError(f"{name}() of a number that is not positive ({x:g})")
    return x


def _sqrt(x: float) -> float:
    if x < 0:
        raise EvaluationError(f"sqrt() of a negative number ({x:g})")
    return math.sqrt(x)


def _log(x: float, base: float = 10.0) -> float:
    if base <= 0 or base == 1:
        raise EvaluationError(f"log() to the base {base:g}")
    x = _positive("log", x)
    return math.log10(x) if base == 10 else math.log(x, base)


def _exp(x: float) -> float:
    if x > 700:
        raise EvaluationError(f"exp() of {x:g} is too large")
    return math.exp(x)


def round_half_up(x: float, digits: float = 0) -> float:
    """School rounding, half away from zero: round(2.5) = 3, round(2.675, 2) = 2.68 (from the number
    as written, not from its binary approximation)."""
    if digits != int(digits) or not -6 <= digits <= 10:
        raise EvaluationError(f"round() to {digits:g} digits: use a whole number from -6 to 10")
    quantum = Decimal(1).scaleb(-int(digits))
    return float(Decimal(repr(x)).quantize(quantum, rounding=ROUND_HALF_UP))


def _mod(a: float, b: float) -> float:
    if b == 0:
        raise EvaluationError("mod() by zero")
    return a - b * math.floor(a / b)


def is_whole(x: float) -> bool:
    return abs(x - round(x)) <= RELATIVE_EPSILON * max(1.0, abs(x))


FUNCTIONS: dict[str, Function] = {
    "min": Function(1, MAX_ARGUMENTS, min),
    "max": Function(1, MAX_ARGUMENTS, max),
    "abs": Function(1, 1, abs),
    "round": Function(1, 2, round_half_up),
    "floor": Function(1, 1, lambda x: float(math.floor(x))),
    "ceil": Function(1, 1, lambda x: float(math.ceil(x))),
    "sqrt": Function(1, 1, _sqrt),
    "ln": Function(1, 1, lambda x: math.log(_positive("ln", x))),
    "log": Function(1, 2, _log),
    "exp": Function(1, 1, _exp),
    "mod": Function(2, 2, _mod),
    "whole": Function(1, 1, is_whole, returns="truth"),
}
