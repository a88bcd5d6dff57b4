"""The bot's update queue with getUpdates semantics: offset confirms, limit, long poll, conflicts."""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Any

from .errors import POLL_CONFLICT, ApiError

# Update types Telegram leaves out unless asked for explicitly (allowed_updates empty or unset).
_OPT_IN_TYPES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_MAX_TIMEOUT = 50
KNOWN_UPDATE_TYPES = frozenset({
    "message", "edited_message", "channel_post", "edited_channel_post", "business_connection",
    "business_message", "edited_business_message", "deleted_business_messages", "message_reaction",
    "message_reaction_count", "inline_query", "chosen_inline_result", "callback_query",
    "shipping_query", "pre_checkout_query", "purchased_paid_media", "poll", "poll_answer",
    "my_chat_member", "chat_member", "chat_join_request", "chat_boost", "removed_chat_boost",
})


def update_type(update: dict[str, Any]) -> str | None:
    return next((k for k in update if k != "update_id"), None)


class UpdateQueue:
    """Pending updates in id order. Like Telegram, an update stays until a later ``offset``
    confirms it, so an update whose response was lost is delivered again; a confirmed one never."""

    def __init__(self, first_update_id: int = 700_000_001) -> None:
        self._pending: deque[dict[str, Any]] = deque()
        self._next_id = first_update_id
        self._waiters: list[asyncio.Future[None]] = []
        self._poll_generation = 0
        self._closed = False
        self.allowed_updates: list[str] | None = None
        self.delivered_ids: list[int] = []  # every id returned by getUpdates, in order (with repeats)

    def push(self, update: dict[str, Any]) -> int:
        """Enqueue ``update`` (an ``update_id`` is assigned unless given) and wake the long poll."""
        if "update_id" not in update:
            update = {"update_id": self._next_id, **update}
        update_id = update["update_id"]
        if isinstance(update_id, int):
            self._next_id = max(self._next_id, update_id + 1)
        self._pending.append(update)
        self._wake()
        return update_id

    @property
    def pending(self) -> list[dict[str, Any]]:
        """Updates not yet confirmed by the bot."""
        return list(self._pending)

    async def get(self, offset: int | None, limit: int | None, timeout: int | None,
                  allowed_updates: list[str] | None) -> list[dict[str, Any]]:
        self._poll_generation += 1
        generation = self._poll_generation
        self._wake()  # an older long poll still waiting is terminated with 409 Conflict
        if allowed_updates is not None:
            self.allowed_updates = allowed_updates
        self._confirm(offset or 0)
        limit = min(max(limit or 100, 1), 100)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + min(max(timeout or 0, 0), _MAX_TIMEOUT)
        while True:
            batch = self._take(limit)
            remaining = deadline - loop.time()
            if batch or remaining <= 0 or self._closed:
                self.delivered_ids.extend(u.get("update_id") for u in batch)
                return batch
            waiter = loop.create_future()
            self._waiters.append(waiter)
            try:
                await asyncio.wait_for(waiter, remaining)
            except TimeoutError:
                pass
            finally:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
            if generation != self._poll_generation:
                raise ApiError(409, POLL_CONFLICT)

    def drop_pending(self) -> None:
        """deleteWebhook(drop_pending_updates=True): forget every unconfirmed update."""
        self._pending.clear()

    def close(self) -> None:
        """Answer every waiting long poll now (server shutdown)."""
        self._closed = True
        self._wake()

    def _wake(self) -> None:
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    def _confirm(self, offset: int) -> None:
        pending = self._pending
        if offset > 0:
            while pending and _id(pending[0]) < offset:
                pending.popleft()
        elif offset < 0:
            # -N: keep only the last N updates, forgetting every earlier one.
            while len(pending) > -offset:
                pending.popleft()

    def _take(self, limit: int) -> list[dict[str, Any]]:
        allowed = frozenset(self.allowed_updates or ())
        batch: list[dict[str, Any]] = []
        dropped = False
        for update in self._pending:
            if not _deliverable(update, allowed):
                dropped = True
                continue
            batch.append(update)
            if len(batch) >= limit:
                break
        if dropped:  # Telegram never produces updates of types the bot did not ask for
            self._pending = deque(u for u in self._pending if _deliverable(u, allowed))
        return batch


def _deliverable(update: dict[str, Any], allowed: frozenset[str]) -> bool:
    kind = update_type(update)
    if kind not in KNOWN_UPDATE_TYPES:
        return True  # hand-made updates (send_raw) are always delivered
    return kind in allowed if allowed else kind not in _OPT_IN_TYPES


def _id(update: dict[str, Any]) -> int:
    value = update.get("update_id")
    return value if isinstance(value, int) else -1
