"""Statistics documents on the document store: versioned read-modify-write, so two processes (the bot
and the API containers) that apply answers of one user never lose one."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from actors.stats.apply import AnswerFact, apply
from actors.stats.boards import Board
from actors.stats.document import StatsDocument
from storage.documents import Document, DocumentStore, Index, VersionConflict

COLLECTION = "stats"
INDEXES = (Index("all_points", (("totals.points", -1), ("user_id", 1))),
           Index("week_points", (("week.id", 1), ("week.points", -1), ("user_id", 1))))
RETRIES = 20


class StatsStore:
    def __init__(self, documents: DocumentStore) -> None:
        self._docs = documents

    async def ensure_indexes(self) -> None:
        await self._docs.ensure_indexes(COLLECTION, INDEXES)

    async def load(self, user_id: int) -> tuple[StatsDocument | None, int]:
        """The document and its version (0 when there is none yet)."""
        found = await self._docs.get(COLLECTION, str(user_id))
        return (StatsDocument.model_validate(found.body), found.version) if found else (None, 0)

    async def write(self, doc: StatsDocument, expected_version: int) -> None:
        await self._docs.replace(COLLECTION, str(doc.user_id), doc.model_dump(mode="json"),
                                 expected_version=expected_version)

    async def add_answer(self, fact: AnswerFact, timezone: str, tz: ZoneInfo) -> bool:
        """Applies one answer; False when it was applied before. Retries when another writer won."""
        for _ in range(RETRIES):
            doc, version = await self.load(fact.user_id)
            doc = doc or StatsDocument(user_id=fact.user_id, timezone=timezone)
            if not apply(doc, fact, tz):
                return False
            try:
                await self.write(doc, version)
                return True
            except VersionConflict:
                continue
        raise VersionConflict(COLLECTION, str(fact.user_id), version, None)

    async def delete(self, user_id: int) -> bool:
        return await self._docs.delete(COLLECTION, str(user_id))

    async def user_ids(self) -> list[int]:
        return sorted(int(key) for key in await self._docs.keys(COLLECTION))

    async def top(self, board: Board, limit: int) -> list[Document]:
        return await self._docs.find(COLLECTION, board.where(), sort=board.sort(), limit=limit)

    async def ahead_of(self, board: Board, points: float) -> int:
        """How many users have more points on this board."""
        return await self._docs.count(COLLECTION, board.where(above=points))
