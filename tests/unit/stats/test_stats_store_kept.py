"""The statistics store keeps the documents it wrote; another writer in between must never be lost."""
from __future__ import annotations

from actors.stats.store import StatsStore
from tests.support.memory_documents import MemoryDocumentStore
from tests.unit.stats.test_stats_apply import MOSCOW, fact


class CountingDocuments(MemoryDocumentStore):
    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    async def get(self, collection, key):
        self.reads += 1
        return await super().get(collection, key)


async def test_the_next_answer_of_a_user_reuses_the_written_document():
    documents = CountingDocuments()
    store = StatsStore(documents)
    for _ in range(3):
        assert await store.add_answer(fact(), "Europe/Moscow", MOSCOW)
    assert documents.reads == 1  # only the first answer read the document
    doc, _ = await store.load(7)
    assert doc.totals.attempts == 3


async def test_a_write_by_another_store_in_between_is_read_again_not_overwritten():
    documents = CountingDocuments()
    ours, theirs = StatsStore(documents), StatsStore(documents)  # e.g. the API and the bot process
    await ours.add_answer(fact(), "Europe/Moscow", MOSCOW)
    await theirs.add_answer(fact(), "Europe/Moscow", MOSCOW)
    await ours.add_answer(fact(), "Europe/Moscow", MOSCOW)  # its kept copy is stale: refused, re-read
    doc, _ = await ours.load(7)
    assert doc.totals.attempts == 3


async def test_a_deleted_document_is_not_brought_back_from_the_kept_copy():
    documents = CountingDocuments()
    ours, theirs = StatsStore(documents), StatsStore(documents)
    await ours.add_answer(fact(), "Europe/Moscow", MOSCOW)
    await theirs.delete(7)  # a merge moved the user away
    await ours.add_answer(fact(), "Europe/Moscow", MOSCOW)
    doc, _ = await ours.load(7)
    assert doc.totals.attempts == 1
