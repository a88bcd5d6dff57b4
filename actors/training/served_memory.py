"""The questions this shard served lately and that are not answered yet, by served id.

An answer usually comes to the shard that served its question moments before: with the served row
in memory, the answer is one statement (the guarded insert) instead of a read and a write. Only what
never changes about a served row is used from here (user, question, session, when); whether it was
skipped or answered meanwhile (by another process, say) the insert itself checks, and the caller
falls back to reading the row.
"""
from __future__ import annotations

from collections import OrderedDict

from storage.postgres.training_repo import ServedRecord

MAX_ENTRIES = 10_000  # a few per active user; the oldest goes first


class ServedMemory:
    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: OrderedDict[int, ServedRecord] = OrderedDict()
        self._max = max_entries

    def keep(self, served: ServedRecord) -> None:
        self._entries[served.id] = served
        if len(self._entries) > self._max:
            self._entries.popitem(last=False)

    def get(self, served_id: int, user_id: int) -> ServedRecord | None:
        """The user's own served question, if this shard served it lately."""
        served = self._entries.get(served_id)
        return served if served is not None and served.user_id == user_id else None

    def forget(self, served_id: int) -> None:
        self._entries.pop(served_id, None)
