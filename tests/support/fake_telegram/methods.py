"""Bot API methods: what each one checks, changes in the fake's state, and answers.

Each handler takes the typed params and returns the ``result`` or raises ``ApiError`` with the
description the real server uses, so the bot's error handling meets the real wording.
"""

from __future__ import annotations

import json
import mimetypes
import re
import secrets
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from .errors import CHAT_NOT_FOUND, NOT_MODIFIED, QUERY_TOO_OLD, WEBHOOK_CONFLICT, ApiError, bad_request
from .formatting import Rendered, render, utf16_len
from .menu_button import get_chat_menu_button, set_chat_menu_button
from .models import BotOutput, ChatMessage, StoredFile, Upload

if TYPE_CHECKING:
    from .chats import ChatState
    from .server import FakeTelegram

Handler = Callable[[dict[str, Any]], Any | Awaitable[Any]]

MAX_TEXT = 4096
MAX_CAPTION = 1024
_COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")
_ACTION_FIELDS = ("callback_data", "url", "web_app", "login_url", "switch_inline_query",
                  "switch_inline_query_current_chat", "switch_inline_query_chosen_chat",
                  "copy_text", "callback_game", "pay")


class BotApi:
    """The implemented methods, looked up by lower-cased name (Telegram ignores case)."""

    def __init__(self, fake: FakeTelegram) -> None:
        self.fake = fake
        self.handlers: dict[str, Handler] = {
            "getme": self.get_me,
            "getupdates": self.get_updates,
            "sendmessage": self.send_message,
            "sendphoto": self.send_photo,
            "senddocument": self.send_document,
            "editmessagetext": self.edit_message_text,
            "editmessagecaption": self.edit_message_caption,
            "editmessagereplymarkup": self.edit_message_reply_markup,
            "deletemessage": self.delete_message,
            "answercallbackquery": self.answer_callback_query,
            "getfile": self.get_file,
            "setmycommands": self.set_my_commands,
            "getmycommands": self.get_my_commands,
            "deletemycommands": self.delete_my_commands,
            "setwebhook": self.set_webhook,
            "deletewebhook": self.delete_webhook,
            "getwebhookinfo": self.get_webhook_info,
            "close": _ok,
            "logout": _ok,
            "sendchataction": self.send_chat_action,
            "setmydescription": _ok,
            "setmyshortdescription": _ok,
            "setmyname": _ok,
            "setchatmenubutton": lambda params: set_chat_menu_button(fake, params),
            "getchatmenubutton": lambda params: get_chat_menu_button(fake, params),
        }

    # --- bot and updates -------------------------------------------------------------------

    def get_me(self, params: dict[str, Any]) -> dict[str, Any]:
        return {**self.fake.bot_user, "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": False}

    async def get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self.fake.webhook is not None:
            raise ApiError(409, WEBHOOK_CONFLICT)
        return await self.fake.updates.get(_int(params, "offset"), _int(params, "limit"),
                                           _int(params, "timeout"), params.get("allowed_updates"))

    def set_webhook(self, params: dict[str, Any]) -> bool:
        if not params.get("url"):
            return self.delete_webhook(params)
        self.fake.webhook = dict(params)
        return True

    def delete_webhook(self, params: dict[str, Any]) -> bool:
        self.fake.webhook = None
        if params.get("drop_pending_updates"):
            self.fake.updates.drop_pending()
        return True

    def get_webhook_info(self, params: dict[str, Any]) -> dict[str, Any]:
        webhook = self.fake.webhook or {}
        return {"url": webhook.get("url", ""), "has_custom_certificate": False,
                "pending_update_count": len(self.fake.updates.pending)}

    # --- sending ---------------------------------------------------------------------------

    def send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._chat(params)
        text = params.get("text")
        if not isinstance(text, str) or not text.strip():
            raise bad_request("message text is empty")
        rendered = self._render(text, params.get("parse_mode"), params.get("entities"))
        if not rendered.text.strip():
            raise bad_request("message text is empty")
        if utf16_len(rendered.text) > MAX_TEXT:
            raise bad_request("message is too long")
        markup = _check_markup(params.get("reply_markup"))
        raw = self._new_message(chat, {"text": rendered.text}, rendered.entities, "entities", markup)
        self._store(chat, raw, "sendMessage", params, text, markup, None)
        return raw

    def send_photo(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._chat(params)
        stored = self._file(params.get("photo"), "photos", "photo", "image/jpeg")
        caption, rendered, markup = self._caption(params)
        sizes = [{"file_id": stored.file_id, "file_unique_id": stored.file_unique_id, "width": w, "height": h,
                  **({"file_size": len(stored.content)} if stored.content is not None else {})}
                 for w, h in ((90, 90), (800, 800))]
        raw = self._new_message(chat, {"photo": sizes}, None, "", markup, rendered)
        self._store(chat, raw, "sendPhoto", params, caption, markup, stored)
        return raw

    def send_document(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._chat(params)
        stored = self._file(params.get("document"), "documents", "document", None)
        caption, rendered, markup = self._caption(params)
        raw = self._new_message(chat, {"document": stored.as_document()}, None, "", markup, rendered)
        self._store(chat, raw, "sendDocument", params, caption, markup, stored)
        return raw

    def send_chat_action(self, params: dict[str, Any]) -> bool:
        self._chat(params)
        return True

    # --- editing ---------------------------------------------------------------------------

    def edit_message_text(self, params: dict[str, Any]) -> dict[str, Any]:
        chat, message = self._editable(params)
        if "text" not in message.raw:
            raise bad_request("there is no text in the message to edit")
        text = params.get("text")
        if not isinstance(text, str) or not text.strip():
            raise bad_request("message text is empty")
        rendered = self._render(text, params.get("parse_mode"), params.get("entities"))
        if utf16_len(rendered.text) > MAX_TEXT:
            raise bad_request("message is too long")
        # Like Telegram, an edit without reply_markup removes the inline keyboard.
        markup = _check_markup(params.get("reply_markup"))
        self._apply_edit(message, {"text": rendered.text}, rendered.entities, "entities", markup)
        message.text, message.parse_mode = text, params.get("parse_mode")
        return self._edited(chat, message, "editMessageText", params)

    def edit_message_caption(self, params: dict[str, Any]) -> dict[str, Any]:
        chat, message = self._editable(params)
        if "text" in message.raw:
            raise bad_request("there is no caption in the message to edit")
        caption, rendered, markup = self._caption(params)
        self._apply_edit(message, {"caption": rendered.text} if rendered.text else {}, rendered.entities,
                         "caption_entities", markup, drop=("caption",))
        message.text, message.parse_mode = caption, params.get("parse_mode")
        return self._edited(chat, message, "editMessageCaption", params)

    def edit_message_reply_markup(self, params: dict[str, Any]) -> dict[str, Any]:
        chat, message = self._editable(params)
        markup = _check_markup(params.get("reply_markup"))
        if _inline(markup) == message.raw.get("reply_markup"):
            raise ApiError(400, NOT_MODIFIED)
        _set_markup(message, markup)
        return self._edited(chat, message, "editMessageReplyMarkup", params)

    def delete_message(self, params: dict[str, Any]) -> bool:
        chat = self._chat(params)
        if chat.messages.pop(_int(params, "message_id") or 0, None) is None:
            raise bad_request("message to delete not found")
        return True

    # --- callbacks, files, commands --------------------------------------------------------

    def answer_callback_query(self, params: dict[str, Any]) -> bool:
        query_id = str(params.get("callback_query_id", ""))
        if query_id in self.fake.faults.stale_queries:
            raise ApiError(400, QUERY_TOO_OLD)
        if query_id in self.fake.callback_queries:
            self.fake.callback_queries[query_id].answer = dict(params)
        return True

    def get_file(self, params: dict[str, Any]) -> dict[str, Any]:
        stored = self.fake.files.get(str(params.get("file_id", "")))
        if stored is None:
            raise bad_request("invalid file_id")
        return stored.as_file()

    def set_my_commands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise bad_request("field \"commands\" must be an Array")
        for command in commands:
            if not isinstance(command, dict) or not _COMMAND_RE.match(str(command.get("command", ""))):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        self.fake.my_commands[_commands_key(params)] = [
            {"command": c["command"], "description": c["description"]} for c in commands]
        return True

    def get_my_commands(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        return self.fake.my_commands.get(_commands_key(params), [])

    def delete_my_commands(self, params: dict[str, Any]) -> bool:
        self.fake.my_commands.pop(_commands_key(params), None)
        return True

    # --- helpers ---------------------------------------------------------------------------

    def _chat(self, params: dict[str, Any]) -> ChatState:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise bad_request("chat_id is empty")
        chat = self.fake.chats.get(chat_id)
        if chat is None:
            if self.fake.strict_chats or not isinstance(chat_id, int):
                raise bad_request(CHAT_NOT_FOUND.removeprefix("Bad Request: "))
            chat = self.fake.open_chat(chat_id)
        return chat

    def _render(self, text: str, parse_mode: str | None, entities: Any) -> Rendered:
        if not self.fake.validate_html:
            return Rendered(text)
        rendered = render(text, parse_mode)
        if not rendered.entities and isinstance(entities, list):
            rendered.entities = entities
        return rendered

    def _caption(self, params: dict[str, Any]) -> tuple[str | None, Rendered, dict[str, Any] | None]:
        caption = params.get("caption")
        rendered = Rendered("")
        if isinstance(caption, str) and caption:
            rendered = self._render(caption, params.get("parse_mode"), params.get("caption_entities"))
            if utf16_len(rendered.text) > MAX_CAPTION:
                raise bad_request("message caption is too long")
        markup = _check_markup(params.get("reply_markup"))
        return caption if isinstance(caption, str) else None, rendered, markup

    def _file(self, value: Any, folder: str, field: str, default_mime: str | None) -> StoredFile:
        fake = self.fake
        if isinstance(value, Upload):
            mime = (mimetypes.guess_type(value.filename)[0] or default_mime
                    or "application/octet-stream") if field == "document" else default_mime
            return fake.store_file(value.content, value.filename, mime, folder)
        if isinstance(value, str) and value:
            stored = fake.files.get(value)
            if stored is not None:
                return stored
            if value.startswith(("http://", "https://")):
                name = value.rsplit("/", 1)[-1] or field
                return fake.store_file(None, name, default_mime, folder)
        raise bad_request("wrong file identifier/HTTP URL specified")

    def _new_message(self, chat: ChatState, body: dict[str, Any], entities: list[dict[str, Any]] | None,
                     entities_key: str, markup: dict[str, Any] | None,
                     caption: Rendered | None = None) -> dict[str, Any]:
        raw: dict[str, Any] = {"message_id": chat.new_message_id(), "from": self.fake.bot_user,
                               "chat": chat.info, "date": int(time.time()), **body}
        if entities:
            raw[entities_key] = entities
        if caption is not None and caption.text:
            raw["caption"] = caption.text
            if caption.entities:
                raw["caption_entities"] = caption.entities
        if (inline := _inline(markup)) is not None:
            raw["reply_markup"] = inline
        return raw

    def _store(self, chat: ChatState, raw: dict[str, Any], kind: str, params: dict[str, Any],
               text: str | None,
               markup: dict[str, Any] | None, stored: StoredFile | None) -> None:
        message_id = raw["message_id"]
        parse_mode = params.get("parse_mode")
        chat.messages[message_id] = ChatMessage(message_id, True, text, parse_mode, markup, raw, file=stored)
        content = stored.content if stored is not None else None
        output = BotOutput(kind, chat.id, message_id, text, parse_mode, markup, params, time.time())
        if kind == "sendPhoto":
            output.photo = content
        elif stored is not None:
            output.document, output.filename, output.mime_type = content, stored.filename, stored.mime_type
        chat.add_output(output)

    def _editable(self, params: dict[str, Any]) -> tuple[ChatState, ChatMessage]:
        if params.get("inline_message_id"):
            raise bad_request("inline messages are not supported by the fake Telegram")
        chat = self._chat(params)
        message = chat.messages.get(_int(params, "message_id") or 0)
        if message is None:
            raise bad_request("message to edit not found")
        if not message.from_bot:
            raise bad_request("message can't be edited")
        return chat, message

    def _apply_edit(self, message: ChatMessage, body: dict[str, Any], entities: list[dict[str, Any]],
                    entities_key: str, markup: dict[str, Any] | None, drop: tuple[str, ...] = ()) -> None:
        raw = message.raw
        before = (tuple(raw.get(k) for k in (*body, *drop)), raw.get(entities_key), raw.get("reply_markup"))
        after = (tuple(body.get(k) for k in (*body, *drop)), entities or None, _inline(markup))
        if before == after:
            raise ApiError(400, NOT_MODIFIED)
        for key in drop:
            raw.pop(key, None)
        raw.update(body)
        if entities:
            raw[entities_key] = entities
        else:
            raw.pop(entities_key, None)
        _set_markup(message, markup)

    def _edited(self, chat: ChatState, message: ChatMessage, kind: str,
                params: dict[str, Any]) -> dict[str, Any]:
        message.raw["edit_date"] = int(time.time())
        message.edited = True
        output = BotOutput(kind, chat.id, message.message_id, message.text, message.parse_mode,
                           message.reply_markup, params, time.time())
        if message.file is not None:
            output.document, output.filename = message.file.content, message.file.filename
        chat.add_output(output)
        return message.raw


def _ok(params: dict[str, Any]) -> bool:
    return True


def _int(params: dict[str, Any], key: str) -> int | None:
    value = params.get(key)
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise bad_request(f"field \"{key}\" must be of type Integer") from None


def _inline(markup: dict[str, Any] | None) -> dict[str, Any] | None:
    """The part of reply_markup Telegram shows in the message: only inline keyboards."""
    if markup and "inline_keyboard" in markup:
        return {"inline_keyboard": markup["inline_keyboard"]}
    return None


def _set_markup(message: ChatMessage, markup: dict[str, Any] | None) -> None:
    message.reply_markup = markup
    if (inline := _inline(markup)) is not None:
        message.raw["reply_markup"] = inline
    else:
        message.raw.pop("reply_markup", None)


def _check_markup(markup: Any) -> dict[str, Any] | None:
    if markup is None or markup == "":
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    for row in markup.get("inline_keyboard", ()):
        for button in row:
            if not isinstance(button, dict) or not button.get("text"):
                raise bad_request("can't parse inline keyboard button: Text buttons are unallowed in the "
                                  "inline keyboard")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= 64:
                raise bad_request("BUTTON_DATA_INVALID")
            if not any(button.get(f) is not None for f in _ACTION_FIELDS):
                raise bad_request("can't parse inline keyboard button: Text buttons are unallowed in the "
                                  "inline keyboard")
    return markup


def _commands_key(params: dict[str, Any]) -> tuple[str, str]:
    scope = params.get("scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")


def new_file_ids(prefix: str) -> tuple[str, str]:
    return prefix + secrets.token_urlsafe(24), "AgAD" + secrets.token_urlsafe(8)
