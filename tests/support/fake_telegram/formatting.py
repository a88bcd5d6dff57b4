"""Telegram's HTML parse mode: turn ``text`` + ``parse_mode`` into plain text and entities.

Follows tdlib's parser closely enough to reject what the real server rejects: a ``<`` that does
not open a supported tag ("a < b", "<3"), unknown tags, unbalanced or crossed tags. ``&`` that is
not a known entity stays a literal ``&`` as in tdlib. Offsets and lengths are UTF-16 code units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .errors import bad_request

SUPPORTED_TAGS = frozenset({
    "a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins",
    "tg-spoiler", "tg-emoji", "span", "pre", "code", "blockquote",
})
_ENTITY_TYPES = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline", "ins": "underline",
    "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
    "tg-spoiler": "spoiler", "span": "spoiler", "code": "code", "pre": "pre",
}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY_RE = re.compile(r"&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|([a-zA-Z]+));")
_ATTR_RE = re.compile(r"""\s*([a-zA-Z_-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_TAG_RE = re.compile(r"<(/?)([^\s>]*)([^>]*)>")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass(slots=True)
class Rendered:
    """What the user sees: ``text`` without markup plus the entities Telegram would attach."""

    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)


def render(text: str, parse_mode: str | None) -> Rendered:
    """Plain text + entities for ``text`` sent with ``parse_mode``; raises ApiError like Telegram."""
    if not parse_mode or parse_mode.upper() != "HTML":
        return Rendered(text)
    try:
        return _parse_html(text)
    except _ParseError as exc:
        raise bad_request(f"can't parse entities: {exc}") from None


def strip_html(text: str) -> str:
    """Best-effort plain text for tests, never raising (used for display, not validation)."""
    try:
        return _parse_html(text).text
    except _ParseError:
        return text


class _ParseError(Exception):
    pass


@dataclass(slots=True)
class _Open:
    tag: str
    offset: int
    attrs: dict[str, str]
    byte_offset: int
    language: str | None = None


def _parse_html(text: str) -> Rendered:
    out: list[str] = []
    out_len = 0  # UTF-16 units emitted so far
    stack: list[_Open] = []
    entities: list[dict[str, Any]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "&":
            m = _ENTITY_RE.match(text, i)
            decoded = _decode_entity(m) if m else None
            if decoded is not None:
                out.append(decoded)
                out_len += utf16_len(decoded)
                i = m.end()
                continue
            out.append("&")
            out_len += 1
            i += 1
            continue
        if ch != "<":
            j = i
            while j < n and text[j] not in "<&":
                j += 1
            chunk = text[i:j]
            out.append(chunk)
            out_len += utf16_len(chunk)
            i = j
            continue
        byte_offset = len(text[:i].encode())
        m = _TAG_RE.match(text, i)
        if m is None:
            raise _ParseError(f"Unclosed start tag at byte offset {byte_offset}")
        closing, name, rest = m.group(1), m.group(2).lower(), m.group(3)
        if not closing:
            if name not in SUPPORTED_TAGS:
                raise _ParseError(f'Unsupported start tag "{name}" at byte offset {byte_offset}')
            attrs = _parse_attrs(rest)
            if name == "span" and attrs.get("class") != "tg-spoiler":
                raise _ParseError('Tag "span" must have class "tg-spoiler"')
            stack.append(_Open(name, out_len, attrs, byte_offset))
        else:
            if not stack:
                raise _ParseError(f"Unexpected end tag at byte offset {byte_offset}")
            top = stack.pop()
            if name and name != top.tag:
                raise _ParseError(
                    f'Unmatched end tag at byte offset {byte_offset}, expected "</{top.tag}>", '
                    f'found "</{name}>"'
                )
            entity = _entity_for(top, out_len - top.offset, stack[-1] if stack else None)
            if entity is not None:
                entities.append(entity)
        i = m.end()
    if stack:
        raise _ParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].tag}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return Rendered("".join(out), entities)


def _decode_entity(m: re.Match[str]) -> str | None:
    dec, hexa, name = m.groups()
    if name is not None:
        return _NAMED_ENTITIES.get(name)
    code = int(dec) if dec is not None else int(hexa, 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None
    return chr(code)


def _parse_attrs(rest: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for m in _ATTR_RE.finditer(rest):
        name = m.group(1).lower()
        value = next((g for g in m.group(2, 3, 4) if g is not None), "")
        attrs[name] = value
    return attrs


def _entity_for(tag: _Open, length: int, parent: _Open | None) -> dict[str, Any] | None:
    if tag.tag == "code" and parent is not None and parent.tag == "pre":
        language = tag.attrs.get("class", "").removeprefix("language-")
        if tag.attrs.get("class", "").startswith("language-") and parent.offset == tag.offset:
            parent.language = language  # <pre><code class="language-x"> is one pre entity
            return None
    if length == 0:
        return None
    entity: dict[str, Any] = {"offset": tag.offset, "length": length}
    if tag.tag == "a":
        href = tag.attrs.get("href")
        if not href:
            return None
        entity.update(type="text_link", url=href)
    elif tag.tag == "tg-emoji":
        entity.update(type="custom_emoji", custom_emoji_id=tag.attrs.get("emoji-id", ""))
    elif tag.tag == "blockquote":
        entity["type"] = "expandable_blockquote" if "expandable" in tag.attrs else "blockquote"
    else:
        entity["type"] = _ENTITY_TYPES[tag.tag]
    if tag.tag == "pre" and tag.language:
        entity["language"] = tag.language
    return entity
