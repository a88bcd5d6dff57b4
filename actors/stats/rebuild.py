"""Recomputing statistics documents from the attempts, with the same apply() the events use."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from actors.stats.apply import apply
from actors.stats.calendar import zone
from actors.stats.document import StatsDocument
from actors.stats.history import AttemptHistory
from actors.stats.store import RETRIES, StatsStore
from storage.documents import VersionConflict

PAGE = 2000


@dataclass(frozen=True)
class Rebuilt:
    attempts: int
    removed: bool


async def rebuild_user(store: StatsStore, history: AttemptHistory, user_id: int,
                       timezone_of: Callable[[int], Awaitable[str]]) -> Rebuilt:
    """Writes the document only if nobody wrote it since we began (an answer applied meanwhile would
    be lost otherwise), else starts over. A user without attempts (perhaps deleted) loses the document."""
    for _ in range(RETRIES):
        existing, version = await store.load(user_id)
        page = await history.page(user_id, 0, PAGE)
        if not page:
            return Rebuilt(0, removed=existing is not None and await store.delete(user_id))
        name = await timezone_of(user_id)  # only now: a user without attempts may no longer exist
        doc, tz, attempts = StatsDocument(user_id=user_id, timezone=name), zone(name), 0
        while page:
            for fact in page:
                attempts += apply(doc, fact, tz)
            page = await history.page(user_id, page[-1].attempt_id, PAGE)
        try:
            await store.write(doc, version)
            return Rebuilt(attempts, removed=False)
        except VersionConflict:
            continue
    raise VersionConflict("stats", str(user_id), version, None)
