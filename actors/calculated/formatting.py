"""How a computed number is written in a text. Russian texts use a decimal comma, English ones a
point; an integer part of five digits or more is grouped by threes (a no-break space in Russian, a
comma in English); a negative number gets a real minus sign (−). Rounding is half away from zero.

Format specs (after a colon in a placeholder, see placeholders.py):
  ""      up to the template's `decimals` (default 2), trailing zeros dropped: 24, 24,5, 0,33
  "N"     up to N decimals (0–6), trailing zeros dropped
  "Nf"    exactly N decimals: 12,50
  "+…"    the sign as an operator, for a term of a formula: "+ 20", "− 20" (then N / Nf as above)
  "±…"    always a sign, written tight: "+3", "−2" (UTC+3)
  "time"  hours as a clock time, wrapped to a day: 13.5 -> 13:30, 25 -> 01:00, -1 -> 23:00
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

DEFAULT_DECIMALS = 2
MAX_DECIMALS = 6
MINUS = "\u2212"
_SPEC = re.compile(r"(?P<sign>[+±])?(?P<decimals>\d)?(?P<fixed>f)?")
_GROUPS = {"ru": "\u00a0", "en": ","}
_POINTS = {"ru": ",", "en": "."}


@dataclass(frozen=True)
class NumberFormat:
    decimals: int = DEFAULT_DECIMALS
    fixed: bool = False
    signed: bool = False  # "+ 20": a term of a formula
    tight_sign: bool = False  # "+20": a zone, a change
    clock: bool = False


def parse_spec(spec: str, default_decimals: int = DEFAULT_DECIMALS) -> NumberFormat:
    """Raises ValueError with what is wrong, for the placeholder's error message."""
    if spec == "time":
        return NumberFormat(clock=True)
    match = _SPEC.fullmatch(spec)
    if match is None or (match["fixed"] and not match["decimals"]):
        raise ValueError(
            f"unknown number format {spec!r}: use N, Nf, +N, ±N (with f too) or time (N: 0–6 decimals)"
        )
    decimals = int(match["decimals"] or default_decimals)
    if decimals > MAX_DECIMALS:
        raise ValueError(f"at most {MAX_DECIMALS} decimals")
    return NumberFormat(
        decimals=decimals,
        fixed=bool(match["fixed"]),
        signed=match["sign"] == "+",
        tight_sign=match["sign"] == "±",
    )


def rounded(value: float, decimals: int) -> Decimal:
    """From the number as Python writes it, so 2.675 rounds to 2.68 as on paper."""
    result = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return result if result else Decimal(0).quantize(result)  # never "-0"


def format_number(value: float, locale: str, number_format: NumberFormat = NumberFormat()) -> str:
    if number_format.clock:
        return _clock(value)
    amount = rounded(value, number_format.decimals)
    digits = f"{abs(amount):f}"
    if not number_format.fixed and "." in digits:
        digits = digits.rstrip("0").rstrip(".")
    whole, _, fraction = digits.partition(".")
    if len(whole) >= 5:
        whole = f"{int(whole):,}".replace(",", _GROUPS[locale])
    text = whole + (_POINTS[locale] + fraction if fraction else "")
    negative = amount < 0
    if number_format.signed:
        return f"{MINUS if negative else '+'} {text}"
    if number_format.tight_sign:
        return f"{MINUS if negative else '+'}{text}"
    return MINUS + text if negative else text


def plain_number(value: float, decimals: int) -> str:
    """The accepted answer of an open question: ASCII, a point, no grouping (normalize.py reads it)."""
    digits = f"{rounded(value, decimals):f}"
    return digits.rstrip("0").rstrip(".") if "." in digits else digits


def _clock(hours: float) -> str:
    minutes = int(rounded(hours * 60, 0)) % (24 * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
