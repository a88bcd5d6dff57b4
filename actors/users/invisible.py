"""Characters a name must not hold, as one regex class: controls (except the whitespace ones a name's
spaces collapse from), format characters (zero-width, bidi overrides), surrogates and private use.

One rule, two uses: the validator refuses them, and the JSON schema states the same class as a
pattern, so API clients (and fuzzers) know which names are valid before sending one. Unassigned
code points are allowed: a newer Unicode's emoji may be one here.
"""
from __future__ import annotations

import re
import unicodedata

_ALLOWED_CONTROLS = frozenset("\t\n\x0b\x0c\r")
_REFUSED = ("Cc", "Cf", "Cs", "Co")
# Where such characters live: the BMP, plane 1 (format controls), plane 14 (tags), and the
# private-use planes 15 and 16 (fixed by Unicode, so given as ranges rather than scanned).
_SCANNED = (range(0x0000, 0x20000), range(0xE0000, 0xE1000))
_PRIVATE_PLANES = ((0xF0000, 0xFFFFD), (0x100000, 0x10FFFD))


def _ranges() -> list[tuple[int, int]]:
    ranges: list[list[int]] = []
    for block in _SCANNED:
        for code in block:
            ch = chr(code)
            if unicodedata.category(ch) in _REFUSED and ch not in _ALLOWED_CONTROLS:
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1][1] = code
                else:
                    ranges.append([code, code])
    return [(a, b) for a, b in ranges] + list(_PRIVATE_PLANES)


def _escape(code: int) -> str:
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


REFUSED_CLASS = "".join(_escape(a) if a == b else f"{_escape(a)}-{_escape(b)}" for a, b in _ranges())
# A name: refused characters nowhere, and at least one character that is not whitespace.
NAME_PATTERN = f"^[^{REFUSED_CLASS}]*[^\\s{REFUSED_CLASS}][^{REFUSED_CLASS}]*$"
_REFUSED_RE = re.compile(f"[{REFUSED_CLASS}]")


def has_refused(text: str) -> bool:
    return _REFUSED_RE.search(text) is not None
