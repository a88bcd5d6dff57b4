"""setChatMenuButton / getChatMenuButton: the button beside a private chat's input field.

Kept per chat (chat_id) and as the bot's default (no chat_id), checked as Telegram checks it: a
web_app button needs a text and an https URL.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import bad_request

if TYPE_CHECKING:
    from .server import FakeTelegram

DEFAULT_BUTTON = {"type": "commands"}
TYPES = ("commands", "web_app", "default")


def _chat_key(params: dict[str, Any]) -> int | None:
    chat_id = params.get("chat_id")
    try:
        return int(chat_id) if chat_id not in (None, "") else None
    except (TypeError, ValueError):
        raise bad_request("chat not found") from None


def set_chat_menu_button(fake: FakeTelegram, params: dict[str, Any]) -> bool:
    button = params.get("menu_button") or {"type": "default"}
    if not isinstance(button, dict) or button.get("type") not in TYPES:
        raise bad_request("can't parse menu button: unsupported type")
    if button["type"] == "web_app":
        url = str((button.get("web_app") or {}).get("url", ""))
        if not button.get("text"):
            raise bad_request("BUTTON_TEXT_INVALID")
        if not url.startswith("https://"):
            raise bad_request("BUTTON_URL_INVALID")
    fake.menu_buttons[_chat_key(params)] = button
    return True


def get_chat_menu_button(fake: FakeTelegram, params: dict[str, Any]) -> dict[str, Any]:
    key = _chat_key(params)
    button = fake.menu_buttons.get(key) if key is not None else None
    if button is None or button.get("type") == "default":
        button = fake.menu_buttons.get(None, DEFAULT_BUTTON)
    return DEFAULT_BUTTON if button.get("type") == "default" else button
