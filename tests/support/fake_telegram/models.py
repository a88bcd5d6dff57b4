"""Plain records the fake keeps and hands to tests: calls, files, bot outputs, chat messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .formatting import strip_html


@dataclass(slots=True)
class Upload:
    """A file part of a multipart request (what the bot uploaded)."""

    filename: str
    content: bytes
    content_type: str | None = None


@dataclass(slots=True)
class StoredFile:
    """A file known by ``file_id``: uploaded by the bot or sent by a scripted user."""

    file_id: str
    file_unique_id: str
    file_path: str
    content: bytes | None
    filename: str | None = None
    mime_type: str | None = None

    def as_file(self) -> dict[str, Any]:
        result: dict[str, Any] = {"file_id": self.file_id, "file_unique_id": self.file_unique_id,
                                  "file_path": self.file_path}
        if self.content is not None:
            result["file_size"] = len(self.content)
        return result

    def as_document(self) -> dict[str, Any]:
        result: dict[str, Any] = {"file_id": self.file_id, "file_unique_id": self.file_unique_id}
        if self.filename:
            result["file_name"] = self.filename
        if self.mime_type:
            result["mime_type"] = self.mime_type
        if self.content is not None:
            result["file_size"] = len(self.content)
        return result


@dataclass(slots=True)
class Call:
    """One HTTP call to the fake: the method as sent, typed params, and how it was answered."""

    method: str
    params: dict[str, Any]
    time: float
    status: int | None = None  # None while the call is still being answered (a long poll)
    result: Any = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def chat_id(self) -> Any:
        return self.params.get("chat_id")


class Button(NamedTuple):
    """An inline button as ``(text, callback_data)``; URL and other buttons have ``callback_data=None``."""

    text: str
    callback_data: str | None


def inline_buttons(reply_markup: dict[str, Any] | None) -> list[list[Button]]:
    if not reply_markup or "inline_keyboard" not in reply_markup:
        return []
    return [[Button(b.get("text", ""), b.get("callback_data")) for b in row]
            for row in reply_markup["inline_keyboard"]]


def reply_keyboard(reply_markup: dict[str, Any] | None) -> list[list[str]]:
    if not reply_markup or "keyboard" not in reply_markup:
        return []
    return [[b if isinstance(b, str) else b.get("text", "") for b in row] for row in reply_markup["keyboard"]]


class _HasMarkup:
    """Shared read-only views over ``text``/``parse_mode``/``reply_markup``."""

    text: str | None
    parse_mode: str | None
    reply_markup: dict[str, Any] | None

    @property
    def buttons(self) -> list[list[Button]]:
        """Inline keyboard rows of ``Button(text, callback_data)``."""
        return inline_buttons(self.reply_markup)

    @property
    def button_texts(self) -> list[str]:
        return [b.text for row in self.buttons for b in row]

    @property
    def reply_keyboard(self) -> list[list[str]]:
        """Rows of texts of a reply (non-inline) keyboard."""
        return reply_keyboard(self.reply_markup)

    @property
    def plain_text(self) -> str | None:
        """The text as the user reads it (HTML tags removed, entities decoded)."""
        if self.text is None or (self.parse_mode or "").upper() != "HTML":
            return self.text
        return strip_html(self.text)

    def button(self, text: str) -> Button:
        for row in self.buttons:
            for b in row:
                if b.text == text:
                    return b
        raise AssertionError(f"no button {text!r}; buttons: {self.button_texts}")


@dataclass(slots=True, eq=False)
class BotOutput(_HasMarkup):
    """One thing the bot did to a chat: kind is the Bot API method (sendMessage, editMessageText...).

    ``text`` is the text or caption exactly as the bot sent it (HTML kept); ``plain_text`` strips it.
    For edits that leave a part unchanged (e.g. editMessageReplyMarkup), ``text`` is the message's
    current text, so an output always shows the message as the user sees it after that call.
    """

    kind: str
    chat_id: int | str
    message_id: int
    text: str | None
    parse_mode: str | None
    reply_markup: dict[str, Any] | None
    params: dict[str, Any]
    time: float
    document: bytes | None = None
    filename: str | None = None
    mime_type: str | None = None
    photo: bytes | None = None

    @property
    def is_edit(self) -> bool:
        return self.kind.startswith("edit")

    def __repr__(self) -> str:
        return (f"BotOutput({self.kind} chat={self.chat_id} id={self.message_id} text={self.text!r} "
                f"buttons={self.button_texts}{' file=' + repr(self.filename) if self.filename else ''})")


@dataclass(slots=True, eq=False)
class ChatMessage(_HasMarkup):
    """The current state of one message in a chat (after edits), from the bot or from the user."""

    message_id: int
    from_bot: bool
    text: str | None
    parse_mode: str | None
    reply_markup: dict[str, Any] | None
    raw: dict[str, Any] = field(repr=False)
    edited: bool = False
    file: StoredFile | None = field(default=None, repr=False)

    @property
    def document(self) -> bytes | None:
        return self.file.content if self.file is not None else None

    @property
    def filename(self) -> str | None:
        return self.file.filename if self.file is not None else None
