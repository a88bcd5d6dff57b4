"""Open answers compared as a teacher would: not by case, spacing, ё/е, punctuation, or the way a
number is written.

Text: NFKC, case-folded, ё → е, every punctuation character (Unicode category P*: . , ; : ! ? « » "
' - – — ( ) % …) becomes a space, runs of spaces collapse, ends are trimmed.
So "Биг-Бен" == "биг бен", "  Каспийское   море. " == "каспийское море".

Numbers: an answer is a number when, after trimming, it reads as an optional sign (- + or a Unicode
minus/dash), digits with an optional decimal part, where the decimal separator is "." or ","
(so "25,5" is twenty-five and a half), digit groups of three may be separated by spaces
("121 000"), and one trailing "%" is ignored. Two numbers are equal when they differ by at most the
question's tolerance (absolute; default 0: "25" == "25.0" == "25,0" == "+25").
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

_DASHES = str.maketrans({c: "-" for c in "\u2212\u2010\u2011\u2012\u2013\u2014\ufe63\uff0d"})
_GROUP_SPACE = re.compile(r"(?<=\d)\s(?=\d{3}(?!\d))")
_NUMBER = re.compile(r"([+-]?)\s*(\d+(?:\.\d*)?|\.\d+)")


def normalize_text(value: str) -> str:
    text = unicodedata.normalize("NFKC", value).casefold().replace("ё", "е")
    spaced = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in text)
    return " ".join(spaced.split())


def parse_number(value: str) -> Decimal | None:
    text = unicodedata.normalize("NFKC", value).strip().translate(_DASHES)
    text = _GROUP_SPACE.sub("", text).replace(",", ".")
    if text.endswith("%"):
        text = text[:-1].rstrip()
    match = _NUMBER.fullmatch(text)
    if match is None:
        return None
    try:
        return Decimal(match.group(1) + match.group(2))
    except InvalidOperation:  # pragma: no cover - the pattern only lets valid literals through
        return None


def open_answer_matches(given: str, accepted: list[str], tolerance: float | None) -> bool:
    """A numeric accepted answer is compared as a number only (so "3-" never equals "-3");
    any other accepted answer is compared as normalised text."""
    given_number = parse_number(given)
    given_text = normalize_text(given)
    allowed = Decimal(str(tolerance or 0))
    for candidate in accepted:
        number = parse_number(candidate)
        if number is not None:
            if given_number is not None and abs(number - given_number) <= allowed:
                return True
        elif given_text and normalize_text(candidate) == given_text:
            return True
    return False
