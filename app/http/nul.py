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


# The same rule in the OpenAPI document, so clients and fuzzers know it: every string a request
# carries gets this pattern (a string with its own pattern or enum is left as it is).
NUL_FREE_PATTERN = "^[^\\u0000]*$"


def forbid_nul_in_schema(schema: Any, components: dict[str, Any], seen: set[str] | None = None) -> None:
    """Adds NUL_FREE_PATTERN to every plain string schema reachable from `schema` (in place)."""
    seen = set() if seen is None else seen
    if isinstance(schema, list):
        for item in schema:
            forbid_nul_in_schema(item, components, seen)
        return
    if not isinstance(schema, dict):
        return
    ref = schema.get("$ref")
    if isinstance(ref, str):
        name = ref.rsplit("/", 1)[1]
        if name not in seen:
            seen.add(name)
            forbid_nul_in_schema(components[name], components, seen)
    if schema.get("type") == "string" and not {"pattern", "enum", "const"} & schema.keys():
        schema["pattern"] = NUL_FREE_PATTERN
    for key, value in schema.items():
        if key in ("properties", "$defs"):
            for item in value.values():
                forbid_nul_in_schema(item, components, seen)
        elif isinstance(value, (dict, list)) and key not in ("examples", "default", "const", "enum"):
            forbid_nul_in_schema(value, components, seen)
