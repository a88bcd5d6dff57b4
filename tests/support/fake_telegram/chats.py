"""Per-chat state: messages by id (current state after edits), the bot's output stream, waiters."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from .models import BotOutput, ChatMessage


class ChatState:
    """One chat. ``message_id`` grows per chat, shared by the user's and the bot's messages, as in a
    Telegram private chat. ``outputs`` is append-only; ``next_output`` reads it with a cursor, so an
    output that arrived before the test asked for it is not lost."""

    __slots__ = ("_cursor", "_next_message_id", "_waiters", "id", "info", "messages", "outputs", "sent")

    def __init__(self, chat_id: int | str, info: dict[str, Any]) -> None:
        self.id = chat_id
        self.info = info  # the Chat object Telegram puts in messages
        self.messages: dict[int, ChatMessage] = {}
        self.outputs: list[BotOutput] = []
        self.sent = 0  # new messages the bot sent here (edits and deletions not counted)
        self._next_message_id = 1
        self._cursor = 0
        self._waiters: list[asyncio.Future[None]] = []

    def new_message_id(self) -> int:
        message_id = self._next_message_id
        self._next_message_id += 1
        return message_id

    def add_output(self, output: BotOutput) -> None:
        self.outputs.append(output)
        if not output.is_edit:
            self.sent += 1
        if self._waiters:
            waiters, self._waiters = self._waiters, []
            for waiter in waiters:
                if not waiter.done():
                    waiter.set_result(None)

    async def next_output(self, timeout: float) -> BotOutput:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self._cursor >= len(self.outputs):
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(
                    f"no bot output to chat {self.id} within {timeout}s; "
                    f"already read {self._cursor}: {self.outputs[-3:]}"
                )
            waiter = loop.create_future()
            self._waiters.append(waiter)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(waiter, remaining)
        output = self.outputs[self._cursor]
        self._cursor += 1
        return output

    def unread(self) -> list[BotOutput]:
        """Outputs not yet returned by ``next_output``; marks them read."""
        outputs = self.outputs[self._cursor:]
        self._cursor = len(self.outputs)
        return outputs
