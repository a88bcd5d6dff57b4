"""Characters a name must not hold, as one regex class: controls (except the whitespace ones a name's
spaces collapse from), format characters (zero-width, bidi overrides) and private use.

One rule, two uses: the validator refuses them, and the JSON schema states the same class as a
pattern, so API clients (and fuzzers) know which names are valid before sending one. The class is
written for every engine that reads it (Python's `re`, ECMA-262's, the Rust one of jsonschema-rs):
BMP characters as \\uXXXX escapes, others as themselves, whitespace spelled out rather than `\\s`
(which means ASCII only to some). Lone surrogates are refused too, but outside the pattern: no
such engine can state them, and a JSON text carrying one is not valid Unicode anyway.
Unassigned code points are allowed: a newer Unicode's emoji may be one here.
"""
from __future__ import annotations

import re
import unicodedata

_ALLOWED_CONTROLS = frozenset("\t\n\x0b\x0c\r")
_REFUSED = ("Cc", "Cf", "Co")
# Where such characters live: the BMP, plane 1 (format controls), plane 14 (tags), and the
# private-use planes 15 and 16 (fixed by Unicode, so given as ranges rather than scanned).
_SCANNED = (range(0x0000, 0x20000), range(0xE0000, 0xE1000))
_PRIVATE_PLANES = ((0xF0000, 0xFFFFD), (0x100000, 0x10FFFD))


def _ranges(codes: list[int]) -> list[tuple[int, int]]:
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return [(a, b) for a, b in ranges]


def _char(code: int) -> str:
    return f"\\u{code:04x}" if code <= 0xFFFF else chr(code)


def regex_class(ranges: list[tuple[int, int]]) -> str:
    """The inside of a [...] class for these ranges, readable by Python, ECMA-262 and Rust engines."""
    return "".join(_char(a) if a == b else f"{_char(a)}-{_char(b)}" for a, b in ranges)


_refused_codes = [code for block in _SCANNED for code in block
                  if unicodedata.category(chr(code)) in _REFUSED and chr(code) not in _ALLOWED_CONTROLS]
REFUSED_CLASS = regex_class(_ranges(_refused_codes) + list(_PRIVATE_PLANES))
# What str.split() and str.strip() take for whitespace (the BMP holds all of it).
WHITESPACE_CLASS = regex_class(_ranges([code for code in range(0x10000) if chr(code).isspace()]))
# A name: refused characters nowhere, and at least one character that is not whitespace.
NAME_PATTERN = f"^[^{REFUSED_CLASS}]*[^{WHITESPACE_CLASS}{REFUSED_CLASS}][^{REFUSED_CLASS}]*$"
_REFUSED_RE = re.compile(f"[{REFUSED_CLASS}\\ud800-\\udfff]")


def has_refused(text: str) -> bool:
    return _REFUSED_RE.search(text) is not None
