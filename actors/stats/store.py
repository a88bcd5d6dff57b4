"""Statistics documents on the document store: versioned read-modify-write, so two processes (the bot
and the API containers) that apply answers of one user never lose one.

The documents this store wrote last are kept (a bounded few, with their versions): the next answer of
an active user then costs one write instead of a read and a write. A kept document is only a guess:
the write names its version, and when anyone else wrote since (a rebuild, a merge, another process),
the write is refused and the document is read again."""
from __future__ import annotations

from collections import OrderedDict
from zoneinfo import ZoneInfo

from actors.stats.apply import AnswerFact, apply
from actors.stats.boards import Board
from actors.stats.document import StatsDocument
from storage.documents import Document, DocumentStore, Index, VersionConflict

COLLECTION = "stats"
INDEXES = (Index("all_points", (("totals.points", -1), ("user_id", 1))),
           Index("week_points", (("week.id", 1), ("week.points", -1), ("user_id", 1))))
RETRIES = 20
KEPT_DOCUMENTS = 1_000


class StatsStore:
    def __init__(self, documents: DocumentStore, kept_documents: int = KEPT_DOCUMENTS) -> None:
        self._docs = documents
        self._kept: OrderedDict[int, tuple[StatsDocument, int]] = OrderedDict()
        self._kept_max = kept_documents

    async def ensure_indexes(self) -> None:
        await self._docs.ensure_indexes(COLLECTION, INDEXES)

    async def load(self, user_id: int) -> tuple[StatsDocument | None, int]:
        """The document and its version (0 when there is none yet)."""
        found = await self._docs.get(COLLECTION, str(user_id))
        return (StatsDocument.model_validate(found.body), found.version) if found else (None, 0)

    async def write(self, doc: StatsDocument, expected_version: int) -> None:
        self._kept.pop(doc.user_id, None)  # until the write is known to have landed
        written = await self._docs.replace(COLLECTION, str(doc.user_id), doc.model_dump(mode="json"),
                                           expected_version=expected_version)
        self._keep(doc, written.version)

    async def add_answer(self, fact: AnswerFact, timezone: str, tz: ZoneInfo) -> bool:
        """Applies one answer; False when it was applied before. Retries when another writer won."""
        for _ in range(RETRIES):
            doc, version = self._kept.pop(fact.user_id, None) or await self.load(fact.user_id)
            doc = doc or StatsDocument(user_id=fact.user_id, timezone=timezone)
            if not apply(doc, fact, tz):
                self._keep(doc, version)
                return False
            try:
                await self.write(doc, version)
                return True
            except VersionConflict:
                continue
        raise VersionConflict(COLLECTION, str(fact.user_id), version, None)

    async def delete(self, user_id: int) -> bool:
        self._kept.pop(user_id, None)
        return await self._docs.delete(COLLECTION, str(user_id))

    def _keep(self, doc: StatsDocument, version: int) -> None:
        if version == 0:  # nothing stored yet: there is nothing to save a read of
            return
        self._kept[doc.user_id] = (doc, version)
        if len(self._kept) > self._kept_max:
            self._kept.popitem(last=False)

    async def user_ids(self) -> list[int]:
        return sorted(int(key) for key in await self._docs.keys(COLLECTION))

    async def top(self, board: Board, limit: int) -> list[Document]:
        return await self._docs.find(COLLECTION, board.where(), sort=board.sort(), limit=limit)

    async def ahead_of(self, board: Board, points: float) -> int:
        """How many users have more points on this board."""
        return await self._docs.count(COLLECTION, board.where(above=points))
