"""Telegram's HTML parse mode, checked before a mailing goes out: one bad tag would otherwise fail
every single send with "can't parse entities".

The rules are the Bot API's: only its tags; every `<` and `&` that is not markup is escaped (`&lt;`,
`&amp;`); tags are closed in order; bold/italic/underline/strike/spoiler nest anywhere except inside
code and pre; links, code, pre and custom emoji contain none of each other (except the language
`<code>` right inside `<pre>`); blockquotes do not nest. Lengths count UTF-16 units of the visible text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024

FORMATTING = frozenset({"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler", "span"})
EXCLUSIVE = frozenset({"a", "code", "pre", "tg-emoji"})
SUPPORTED = FORMATTING | EXCLUSIVE | {"blockquote"}
_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY = re.compile(r"&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^<>]*)?)\s*>")
_ATTR = re.compile(r"""([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_LINK = re.compile(r"^(https?://|tg://|mailto:)\S+$", re.IGNORECASE)


class HtmlError(ValueError):
    """What Telegram would refuse, with the position (line and column, 1-based) of the problem."""


@dataclass(frozen=True)
class CheckedHtml:
    html: str
    plain: str  # what the reader sees

    @property
    def length(self) -> int:
        return len(self.plain.encode("utf-16-le")) // 2


def check_html(html: str, *, limit: int = TEXT_LIMIT) -> CheckedHtml:
    plain = _Parser(html).run()
    checked = CheckedHtml(html, plain)
    if not plain.strip():
        raise HtmlError("the message has no visible text")
    if checked.length > limit:
        raise HtmlError(f"the visible text is {checked.length} characters long; Telegram allows {limit}")
    return checked


class _Parser:
    def __init__(self, html: str) -> None:
        self.html = html
        self.out: list[str] = []
        self.stack: list[str] = []

    def fail(self, at: int, problem: str) -> HtmlError:
        line = self.html.count("\n", 0, at) + 1
        column = at - (self.html.rfind("\n", 0, at) + 1) + 1
        return HtmlError(f"line {line}, column {column}: {problem}")

    def run(self) -> str:
        i, html = 0, self.html
        while i < len(html):
            ch = html[i]
            if ch == "&":
                i = self.entity(i)
            elif ch == "<":
                i = self.tag(i)
            else:
                j = min((k for k in (html.find("<", i), html.find("&", i)) if k >= 0), default=len(html))
                self.out.append(html[i:j])
                i = j
        if self.stack:
            raise self.fail(len(html), f"<{self.stack[-1]}> is never closed")
        return "".join(self.out)

    def entity(self, at: int) -> int:
        m = _ENTITY.match(self.html, at)
        value = _decode(m) if m else None
        if value is None:
            raise self.fail(at, "a bare '&': write &amp; (or use a known entity such as &lt;)")
        self.out.append(value)
        return m.end()

    def tag(self, at: int) -> int:
        m = _TAG.match(self.html, at)
        if m is None:
            raise self.fail(at, "a bare '<': write &lt; or close the tag with '>'")
        closing, name, attrs = m.group(1) == "/", m.group(2).lower(), m.group(3)
        if name not in SUPPORTED:
            raise self.fail(at, f"<{name}> is not a tag Telegram supports")
        if closing:
            if not self.stack or self.stack[-1] != name:
                expected = f"</{self.stack[-1]}>" if self.stack else "no closing tag"
                raise self.fail(at, f"</{name}> does not match: expected {expected}")
            self.stack.pop()
        else:
            self.open(at, name, _attributes(attrs))
        return m.end()

    def open(self, at: int, name: str, attrs: dict[str, str]) -> None:
        inside = set(self.stack)
        if inside & {"code", "pre"} and not (name == "code" and self.stack[-1] == "pre"):
            raise self.fail(at, f"<{name}> cannot be inside <{self.stack[-1]}>")
        if name in EXCLUSIVE and inside & EXCLUSIVE and not (name == "code" and self.stack[-1] == "pre"):
            raise self.fail(at, f"<{name}> cannot be inside <{next(t for t in self.stack if t in EXCLUSIVE)}>")
        if name == "blockquote" and inside & ({"blockquote"} | EXCLUSIVE):
            raise self.fail(at, "<blockquote> cannot be inside another blockquote, a link or code")
        if name == "a" and not _LINK.match(attrs.get("href", "")):
            raise self.fail(at, '<a> needs href="https://…" (or tg://, mailto:)')
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise self.fail(at, '<span> is only allowed as <span class="tg-spoiler">')
        if name == "tg-emoji" and not attrs.get("emoji-id", "").isdigit():
            raise self.fail(at, "<tg-emoji> needs a numeric emoji-id")
        self.stack.append(name)


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in _ATTR.finditer(text):
        found[m.group(1).lower()] = next((g for g in m.group(2, 3, 4) if g is not None), "")
    return found


def _decode(m: re.Match[str]) -> str | None:
    decimal, hexadecimal, name = m.groups()
    if name is not None:
        return _ENTITIES.get(name)
    code = int(decimal) if decimal is not None else int(hexadecimal, 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None
    return chr(code)
