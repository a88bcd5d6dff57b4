"""How the mailing actor reaches Telegram: a Sender (the app passes an aiogram-backed one).

actors/ never imports app/, so the protocol and its outcomes live here; app/bot/admin/sender.py
implements it with aiogram.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Sent:
    message_id: int | None = None


@dataclass(frozen=True)
class Blocked:
    """403: the user blocked the bot (or is gone). Later mailings skip them."""
    reason: str = "blocked"


@dataclass(frozen=True)
class RetryAfter:
    """429: nothing was sent; every send waits `seconds`."""
    seconds: float


@dataclass(frozen=True)
class Failed:
    """Anything else. Not retried: after a timeout the message may have been delivered."""
    reason: str


SendResult = Sent | Blocked | RetryAfter | Failed


@dataclass(frozen=True)
class Button:
    """An inline button under a message: its text and the callback data the bot handles."""
    text: str
    callback_data: str


class Sender(Protocol):
    async def send(self, chat_id: int, html: str, photo: str | None,
                   buttons: Sequence[Button] = ()) -> SendResult:
        """One message (a photo with the HTML as its caption when `photo` is set), with its buttons
        one per row. Never raises."""
        ...

    async def close(self) -> None:
        ...
