"""The documents contract, part 2: the ordered queries and counts leaderboards need, and indexes."""
from __future__ import annotations

import pytest

from storage.documents import Index

PLAYERS = {  # key -> body; "e" never played this week, "f" has no totals at all
    "a": {"user_id": 1, "totals": {"points": 10.5}, "week": {"id": "W2", "points": 3}},
    "b": {"user_id": 2, "totals": {"points": 30}, "week": {"id": "W2", "points": 7.25}},
    "c": {"user_id": 3, "totals": {"points": 10.5}, "week": {"id": "W2", "points": 7.25}},
    "d": {"user_id": 4, "totals": {"points": 2}, "week": {"id": "W1", "points": 50}},
    "e": {"user_id": 5, "totals": {"points": 0}, "week": {"id": "W1", "points": 0}},
    "f": {"user_id": 6, "name": "x"},
}
INDEXES = [Index("by_points", (("totals.points", -1), ("user_id", 1))),
           Index("by_week", (("week.id", 1), ("week.points", -1), ("user_id", 1)))]


@pytest.fixture
async def players(store):
    for key, body in PLAYERS.items():
        await store.replace("stats", key, body)
    return store


def keys(docs) -> list[str]:
    return [d.key for d in docs]


async def test_find_sorts_descending_with_ties_broken_by_the_next_key(players):
    docs = await players.find("stats", sort=[("totals.points", -1), ("user_id", 1)])
    assert keys(docs) == ["b", "a", "c", "d", "e", "f"]  # f lacks the field: lowest, so last


async def test_find_ascending_puts_missing_values_first(players):
    docs = await players.find("stats", sort=[("totals.points", 1)])
    assert keys(docs) == ["f", "e", "d", "a", "c", "b"]


async def test_find_filters_by_equality_and_ranges_and_limits(players):
    week = await players.find("stats", {"week.id": "W2"}, sort=[("week.points", -1), ("user_id", 1)],
                              limit=2)
    assert keys(week) == ["b", "c"]
    assert keys(await players.find("stats", {"totals.points": {"$gt": 2, "$lte": 10.5}})) == ["a", "c"]
    assert keys(await players.find("stats", {"user_id": {"$in": [2, 4, 99]}})) == ["b", "d"]
    assert await players.find("stats", limit=0) == []


async def test_ranges_never_match_missing_fields_or_other_types(players):
    await players.replace("stats", "g", {"user_id": 7, "totals": {"points": "lots"}})
    assert keys(await players.find("stats", {"totals.points": {"$gte": 0}})) == ["a", "b", "c", "d", "e"]
    assert await players.count("stats", {"totals.points": {"$lt": 1000}}) == 5


async def test_count_gives_a_rank(players):
    """Rank = 1 + how many have strictly more points; equal points share a rank."""
    where = {"week.id": "W2", "week.points": {"$gt": 7.25}}
    assert await players.count("stats", where) == 0
    assert await players.count("stats", {"week.id": "W2", "week.points": {"$gt": 3}}) == 2
    assert await players.count("stats") == 6
    assert await players.count("stats", {"week.id": "W9"}) == 0


async def test_indexes_are_created_idempotently_and_queries_still_answer(players):
    await players.ensure_indexes("stats", INDEXES)
    await players.ensure_indexes("stats", INDEXES)
    docs = await players.find("stats", {"week.id": "W2"}, sort=[("week.points", -1), ("user_id", 1)])
    assert keys(docs) == ["b", "c", "a"]


async def test_find_returns_whole_documents_with_versions(players):
    await players.update("stats", "a", inc={"totals.points": 1})
    [doc] = await players.find("stats", {"user_id": 1})
    assert doc.version == 2 and doc.body["totals"]["points"] == 11.5 and doc.body["week"]["id"] == "W2"


async def test_keys_lists_every_key_sorted(players):
    assert await players.keys("stats") == ["a", "b", "c", "d", "e", "f"]
    assert await players.keys("filters") == []
