"""Open answers: normalised text and numbers, as documented in actors/training/normalize.py."""
from __future__ import annotations

from decimal import Decimal

import pytest

from actors.training.normalize import normalize_text, open_answer_matches, parse_number


@pytest.mark.parametrize("raw, expected", [
    ("  Каспийское   море. ", "каспийское море"),
    ("ЁЛКА", "елка"),
    ("Биг-Бен", "биг бен"),
    ("«Суэцкий» канал!", "суэцкий канал"),
    ("It's\u00a0raining", "it s raining"),
    ("e\u0301", "é"),                     # NFKC composes accents
    ("...", ""),
])
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("25", Decimal(25)), ("25.0", Decimal(25)), ("25,0", Decimal(25)), ("+25", Decimal(25)),
    ("−3", Decimal(-3)), ("– 3", Decimal(-3)), ("-3", Decimal(-3)),
    ("121 000", Decimal(121000)), ("121\u00a0000", Decimal(121000)), ("1 234 567,5", Decimal("1234567.5")),
    ("0,25", Decimal("0.25")), (",5", Decimal("0.5")), ("50%", Decimal(50)), ("50 %", Decimal(50)),
    ("12 5", None), ("2:00", None), ("3-", None), ("25 рублей", None), ("", None), ("1e3", None),
])
def test_parse_number(raw, expected):
    assert parse_number(raw) == expected


@pytest.mark.parametrize("given, accepted, tolerance, expected", [
    ("−3", ["-3"], None, True),
    ("3", ["-3", "−3"], None, False),
    ("3-", ["-3"], None, False),              # a numeric accepted answer compares as a number only
    ("121000", ["121 000"], None, True),
    ("6", ["6", "шесть"], None, True),
    ("Шесть", ["6", "шесть"], None, True),
    ("2:00", ["02:00", "2:00"], None, True),
    ("200", ["02:00", "2:00"], None, False),
    ("Биг Бен", ["Big Ben", "Биг-Бен"], None, True),
    ("0.1", ["0"], 0.1, True),                # tolerance is compared exactly (decimal, not float)
    ("0.11", ["0"], 0.1, False),
    ("!!!", ["!"], None, False),              # nothing left after normalising is never right
])
def test_open_answer_matches(given, accepted, tolerance, expected):
    assert open_answer_matches(given, accepted, tolerance) is expected
