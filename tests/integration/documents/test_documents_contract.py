"""The documents contract, part 1: reads, versioned writes, atomic field updates (both adapters)."""
from __future__ import annotations

import asyncio

import pytest

from storage.documents import InvalidDocument, VersionConflict

BODY = {"name": "Аня ☃", "count": 3, "ratio": 0.25, "flag": True, "none": None,
        "list": [1, "two", {"three": 3.5}], "nested": {"deep": {"deeper": [{}, {"empty": []}]}}}


async def test_a_missing_document_reads_as_none(store):
    assert await store.get("stats", "404") is None


async def test_a_created_document_reads_back_exactly_with_version_one(store):
    created = await store.replace("stats", "1", BODY, expected_version=0)
    assert created.version == 1 and created.body == BODY
    loaded = await store.get("stats", "1")
    assert loaded == created
    assert type(loaded.body["count"]) is int and type(loaded.body["ratio"]) is float


async def test_creating_an_existing_document_is_a_version_conflict(store):
    await store.replace("stats", "1", {"a": 1}, expected_version=0)
    with pytest.raises(VersionConflict) as caught:
        await store.replace("stats", "1", {"a": 2}, expected_version=0)
    assert (caught.value.expected, caught.value.actual) == (0, 1)
    assert (await store.get("stats", "1")).body == {"a": 1}


async def test_a_stale_version_is_refused_and_the_current_one_accepted(store):
    await store.replace("stats", "1", {"a": 1}, expected_version=0)
    second = await store.replace("stats", "1", {"a": 2}, expected_version=1)
    assert second.version == 2
    with pytest.raises(VersionConflict) as caught:
        await store.replace("stats", "1", {"a": 3}, expected_version=1)
    assert caught.value.actual == 2
    with pytest.raises(VersionConflict) as missing:
        await store.replace("stats", "nobody", {"a": 3}, expected_version=4)
    assert missing.value.actual is None
    assert (await store.get("stats", "1")).body == {"a": 2}


async def test_an_unconditional_replace_creates_then_overwrites_the_whole_body(store):
    first = await store.replace("stats", "1", {"a": 1, "b": {"c": 2}})
    second = await store.replace("stats", "1", {"z": 0})
    assert (first.version, second.version) == (1, 2)
    assert (await store.get("stats", "1")).body == {"z": 0}


async def test_collections_are_separate(store):
    await store.replace("stats", "1", {"kind": "stats"})
    await store.replace("filters", "1", {"kind": "filters"})
    assert (await store.get("stats", "1")).body == {"kind": "stats"}
    assert await store.clear("stats") == 1
    assert await store.get("stats", "1") is None
    assert (await store.get("filters", "1")).body == {"kind": "filters"}
    assert await store.keys("filters") == ["1"]


async def test_update_creates_missing_documents_and_parents(store):
    doc = await store.update("stats", "7", inc={"totals.attempts": 1, "totals.points": 2.5},
                             assign={"week.id": "2026-W10"})
    assert doc.version == 1
    assert doc.body == {"totals": {"attempts": 1, "points": 2.5}, "week": {"id": "2026-W10"}}


async def test_update_changes_only_the_named_fields(store):
    await store.replace("stats", "7", {"totals": {"attempts": 4, "correct": 1}, "keep": [1, 2]})
    doc = await store.update("stats", "7", inc={"totals.attempts": 1}, assign={"totals.last": "x"})
    assert doc.version == 2
    assert doc.body == {"totals": {"attempts": 5, "correct": 1, "last": "x"}, "keep": [1, 2]}


async def test_update_refuses_incrementing_a_non_number(store):
    await store.replace("stats", "7", {"name": "text", "leaf": 1})
    with pytest.raises(InvalidDocument):
        await store.update("stats", "7", inc={"name": 1})
    with pytest.raises(InvalidDocument):
        await store.update("stats", "7", inc={"leaf.below": 1})
    assert (await store.get("stats", "7")).body == {"name": "text", "leaf": 1}


async def test_concurrent_increments_lose_no_update(store):
    await asyncio.gather(*(store.update("counters", "hits", inc={"n": 1, "by.kind": 2}) for _ in range(60)))
    doc = await store.get("counters", "hits")
    assert doc.body == {"n": 60, "by": {"kind": 120}}
    assert doc.version == 60


async def test_concurrent_first_increments_of_a_new_document_lose_no_update(store):
    await asyncio.gather(*(store.update("counters", f"k{i % 3}", inc={"n": 1}) for i in range(45)))
    assert [(await store.get("counters", f"k{i}")).body["n"] for i in range(3)] == [15, 15, 15]


async def test_concurrent_optimistic_writers_lose_no_update(store):
    """Read, change, write back with the version read, retry on conflict: every writer counts."""
    await store.replace("stats", "1", {"n": 0}, expected_version=0)

    async def add_one() -> int:
        conflicts = 0
        while True:
            doc = await store.get("stats", "1")
            try:
                await store.replace("stats", "1", {"n": doc.body["n"] + 1}, expected_version=doc.version)
                return conflicts
            except VersionConflict:
                conflicts += 1

    await asyncio.gather(*(add_one() for _ in range(25)))
    doc = await store.get("stats", "1")
    assert doc.body == {"n": 25} and doc.version == 26


async def test_delete_says_whether_there_was_a_document(store):
    await store.replace("stats", "1", {})
    assert await store.delete("stats", "1") is True
    assert await store.delete("stats", "1") is False
    assert await store.get("stats", "1") is None


async def test_a_deleted_document_leaves_every_query_and_only_it_goes(store):
    # What a deleted account relies on: gone from leaderboards (find, count) and rebuilds (keys) too.
    for key, points in (("1", 5), ("2", 3)):
        await store.replace("stats", key, {"points": points})
    await store.replace("filters", "1", {"types": ["one"]})
    assert await store.delete("stats", "1") is True
    assert [d.key for d in await store.find("stats", {"points": {"$gt": 0}}, sort=[("points", -1)])] == ["2"]
    assert await store.count("stats") == 1 and await store.keys("stats") == ["2"]
    assert (await store.get("filters", "1")).body == {"types": ["one"]}


@pytest.mark.parametrize("body", [{"a.b": 1}, {"$set": 1}, {"ok": {"bad.key": 1}}, {"n": float("nan")},
                                  {"grid": [[1, 2]]}, {"when": object()}])
async def test_bodies_mongodb_would_refuse_are_refused_by_both(store, body):
    with pytest.raises(InvalidDocument):
        await store.replace("stats", "1", body)
    assert await store.get("stats", "1") is None


@pytest.mark.parametrize("call", [
    lambda s: s.get("Bad-Name", "1"),
    lambda s: s.get("stats", ""),
    lambda s: s.update("stats", "1", inc={"a": 1, "a.b": 1}),
    lambda s: s.update("stats", "1", inc={"a": "1"}),
    lambda s: s.update("stats", "1"),
    lambda s: s.find("stats", {"a": {"$regex": "x"}}),
    lambda s: s.find("stats", {"a": None}),
    lambda s: s.find("stats", sort=[("a", 0)]),
])
async def test_malformed_calls_are_refused_by_both(store, call):
    with pytest.raises(InvalidDocument):
        await call(store)
