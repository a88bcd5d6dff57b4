"""U+0000 in request strings: PostgreSQL text and jsonb cannot hold it, so a statement would refuse
it (a 500). JSON can carry it only as the escape \\u0000, which makes the search cheap to skip."""
from __future__ import annotations

import json
from typing import Any

ESCAPE = b"\\u0000"


def nul_location(raw: bytes, location: str) -> str | None:
    """Where the first string holding U+0000 sits in this valid JSON (`body.text`), else None."""
    if ESCAPE not in raw:  # the common case: no NUL, and nothing to decode again
        return None
    return _find(json.loads(raw), location)


def _find(value: Any, location: str) -> str | None:
    if isinstance(value, str):
        return location if "\x00" in value else None
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        place = f"{location}.{key}"
        if "\x00" in str(key):
            return place
        if (found := _find(item, place)) is not None:
            return found
    return None
