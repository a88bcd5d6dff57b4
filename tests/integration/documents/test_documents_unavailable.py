"""A store that cannot be reached says so as StoreUnavailable (the API answers 503), on both adapters."""
from __future__ import annotations

import pytest

from app.wiring.stores import documents_probe
from storage.documents.mongo import MongoDocumentStore
from storage.documents.postgres_jsonb import PostgresDocumentStore
from storage.postgres import Database, StoreUnavailable
from tests.support.servers.common import free_port


async def test_an_unreachable_mongodb_is_store_unavailable():
    store = MongoDocumentStore.connect(f"mongodb://127.0.0.1:{free_port()}/", timeout_ms=300)
    try:
        with pytest.raises(StoreUnavailable, match="mongodb"):
            await store.get("stats", "1")
        with pytest.raises(StoreUnavailable):
            await store.update("stats", "1", inc={"n": 1})
        assert await documents_probe(store)() is False
    finally:
        await store.close()


async def test_a_postgresql_store_without_an_open_pool_is_store_unavailable():
    store = PostgresDocumentStore(Database(f"postgresql://postgres@127.0.0.1:{free_port()}/x", timeout=1))
    with pytest.raises(StoreUnavailable):
        await store.replace("stats", "1", {})
    assert await documents_probe(store)() is False


async def test_the_probe_says_yes_when_the_store_answers(store):
    assert await documents_probe(store)() is True
