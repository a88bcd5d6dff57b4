"""Scripted users: each one talks to the bot in its own private chat (chat id == user id)."""

from __future__ import annotations

import mimetypes
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .formatting import utf16_len
from .models import BotOutput, ChatMessage

if TYPE_CHECKING:
    from .server import FakeTelegram


@dataclass(slots=True)
class CallbackQueryRecord:
    """A button press the fake produced, and the bot's answerCallbackQuery params once it answers."""

    query_id: str
    user_id: int
    message_id: int
    data: str | None
    answer: dict[str, Any] | None = field(default=None)


class FakeUser:
    """A Telegram user scripted by a test. Every action enqueues the update Telegram would send."""

    def __init__(self, fake: FakeTelegram, id: int, first_name: str, language_code: str | None,
                 username: str | None, last_name: str | None) -> None:
        self.fake = fake
        self.id = id
        self.first_name = first_name
        self.last_name = last_name
        self.username = username
        self.language_code = language_code

    @property
    def chat_id(self) -> int:
        return self.id

    def as_user(self) -> dict[str, Any]:
        user: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            user["last_name"] = self.last_name
        if self.username:
            user["username"] = self.username
        if self.language_code:
            user["language_code"] = self.language_code
        return user

    def as_chat(self) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": self.id, "type": "private", "first_name": self.first_name}
        if self.last_name:
            chat["last_name"] = self.last_name
        if self.username:
            chat["username"] = self.username
        return chat

    # --- actions ---------------------------------------------------------------------------

    async def send(self, text: str) -> ChatMessage:
        """Send a text message. A leading ``/command`` (``/start CODE`` for deep links,
        ``/help@bot``) carries the bot_command entity, as Telegram sends it."""
        body: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            body["entities"] = [{"type": "bot_command", "offset": 0, "length": utf16_len(command)}]
        return self._post(body)

    async def send_document(self, content: bytes, filename: str, mime_type: str | None = None,
                            caption: str | None = None) -> ChatMessage:
        """Send a file; the bot can fetch it with getFile and download it from /file/bot<token>/."""
        mime = mime_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
        stored = self.fake.store_file(content, filename, mime, "documents")
        body: dict[str, Any] = {"document": stored.as_document()}
        if caption:
            body["caption"] = caption
        message = self._post(body)
        message.file = stored
        return message

    async def press(self, target: BotOutput | ChatMessage | int, *, text: str | None = None,
                    data: str | None = None, force: bool = False) -> str:
        """Press the inline button with this ``text`` (or ``callback_data``) on a bot message and
        return the callback query id. ``target`` is what the user saw (a BotOutput snapshot, a
        ChatMessage) or a message id (its current buttons). Older messages can be pressed too; the
        update carries the message's current state, or an inaccessible message if it was deleted.
        ``force=True`` with ``data`` sends that data even if no such button exists."""
        if (text is None) == (data is None):
            raise ValueError("press() needs exactly one of text= or data=")
        chat = self.fake.chat_for(self)
        if isinstance(target, int):
            message_id = target
            current = chat.messages.get(target)
            buttons = current.buttons if current is not None else []
        else:
            message_id = target.message_id
            buttons = target.buttons
        if not (force and data is not None):
            found = [b for row in buttons for b in row
                     if (b.text == text if text is not None else b.callback_data == data)]
            if not found or found[0].callback_data is None:
                wanted = f"text={text!r}" if text is not None else f"data={data!r}"
                raise AssertionError(f"no callback button {wanted} on message {message_id} in chat "
                                     f"{self.id}; "
                                     f"buttons: {[tuple(b) for row in buttons for b in row]}")
            data = found[0].callback_data
        query_id = self.fake.new_callback_query(self.id, message_id, data)
        current = chat.messages.get(message_id)
        message = (current.raw if current is not None
                   else {"message_id": message_id, "chat": chat.info, "date": 0})
        self.fake.updates.push({"callback_query": {
            "id": query_id, "from": self.as_user(), "message": message,
            "chat_instance": f"-{self.id}{self.fake.bot_id}", "data": data,
        }})
        return query_id

    async def send_raw(self, update: dict[str, Any]) -> int:
        """Enqueue a hand-made update (``update_id`` assigned if missing). It must still parse as an
        aiogram ``Update``, or aiogram's polling keeps failing on that batch, as it would live."""
        return self.fake.updates.push(update)

    async def block_bot(self) -> None:
        """Block the bot: sends to this chat answer 403, and a my_chat_member update arrives."""
        self.fake.block_user(self.id)
        self._member_update("member", "kicked")

    async def unblock_bot(self) -> None:
        self.fake.unblock_user(self.id)
        self._member_update("kicked", "member")

    async def next_message(self, timeout: float = 5.0) -> BotOutput:
        """The next bot output in this user's chat (see ``FakeTelegram.next_message``)."""
        return await self.fake.next_message(self.id, timeout=timeout)

    # --- helpers ---------------------------------------------------------------------------

    def _post(self, body: dict[str, Any]) -> ChatMessage:
        chat = self.fake.chat_for(self)
        raw = {"message_id": chat.new_message_id(), "from": self.as_user(), "chat": chat.info,
               "date": int(time.time()), **body}
        text = body.get("text", body.get("caption"))
        message = ChatMessage(raw["message_id"], False, text, None, None, raw)
        chat.messages[message.message_id] = message
        self.fake.updates.push({"message": raw})
        return message

    def _member_update(self, old: str, new: str) -> None:
        chat = self.fake.chat_for(self)
        bot = self.fake.bot_user
        self.fake.updates.push({"my_chat_member": {
            "chat": chat.info, "from": self.as_user(), "date": int(time.time()),
            "old_chat_member": {"user": bot, "status": old, **({"until_date": 0} if old == "kicked" else {})},
            "new_chat_member": {"user": bot, "status": new, **({"until_date": 0} if new == "kicked" else {})},
        }})

    def __repr__(self) -> str:
        return f"FakeUser(id={self.id}, first_name={self.first_name!r})"
