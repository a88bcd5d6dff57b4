"""Each throwaway server answers a real round trip through the driver the project uses for it."""
from __future__ import annotations

import uuid
from datetime import date, datetime

import aiohttp
import aiopg
import pytest
from aiochclient import ChClient
from pymongo import AsyncMongoClient


def unique(prefix: str) -> str:
    """Names of our own, so the tests also run against a developer's shared server."""
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


@pytest.mark.needs_postgres
async def test_postgres_round_trip_with_bound_parameters(postgres_server):
    async with aiopg.connect(postgres_server) as conn, conn.cursor() as cur:
        await cur.execute("CREATE TEMP TABLE smoke (id int PRIMARY KEY, name text NOT NULL)")
        await cur.execute("INSERT INTO smoke (id, name) VALUES (%(id)s, %(name)s)",
                          {"id": 1, "name": "Ёжик; DROP TABLE smoke"})
        await cur.execute("SELECT id, name FROM smoke WHERE id = %(id)s", {"id": 1})
        assert await cur.fetchall() == [(1, "Ёжик; DROP TABLE smoke")]
        await cur.execute("SHOW server_version")
        assert (await cur.fetchone())[0].startswith(("15.", "16.", "17."))


@pytest.mark.needs_mongo
async def test_mongo_wire_round_trip_with_async_pymongo(mongo_server):
    client = AsyncMongoClient(mongo_server, serverSelectionTimeoutMS=5000)
    db = client[unique("smoke")]
    try:
        inserted = await db.stats.insert_one({"user_id": 7, "answered": 1})
        assert (await db.stats.find_one({"_id": inserted.inserted_id}))["answered"] == 1

        await db.filters.update_one({"user_id": 7}, {"$set": {"topics": ["algebra"]}}, upsert=True)
        await db.filters.update_one({"user_id": 7}, {"$push": {"topics": "geometry"}}, upsert=True)
        assert (await db.filters.find_one({"user_id": 7}))["topics"] == ["algebra", "geometry"]

        assert await db.filters.create_index("user_id", unique=True) == "user_id_1"
        assert "user_id_1" in await db.filters.index_information()
    finally:
        await client.drop_database(db.name)
        await client.close()


@pytest.mark.needs_clickhouse
async def test_clickhouse_round_trip_with_aiochclient(clickhouse_server):
    table = unique("smoke_events")
    async with aiohttp.ClientSession() as session:
        client = ChClient(session, url=clickhouse_server)
        assert await client.is_alive()
        # Plain types only (no LowCardinality, DateTime64, Bool, Map): 18.16 must run it (DESIGN §5).
        await client.execute(
            f"CREATE TABLE IF NOT EXISTS {table} (day Date, ts DateTime, user_id UInt64, kind String)"
            " ENGINE = MergeTree() PARTITION BY toYYYYMM(day) ORDER BY (user_id, ts)")
        try:
            await client.execute(f"INSERT INTO {table} (day, ts, user_id, kind) VALUES",
                                 (date(2024, 5, 1), datetime(2024, 5, 1, 10, 0, 0), 1, "answer"),
                                 (date(2024, 5, 1), datetime(2024, 5, 1, 10, 0, 5), 2, "it's quoted"))
            rows = await client.fetch(f"SELECT ts, user_id, kind FROM {table} ORDER BY user_id")
            assert [(row["ts"].second, row["user_id"], row["kind"]) for row in rows] == [
                (0, 1, "answer"), (5, 2, "it's quoted")]
            assert await client.fetchval(f"SELECT count() FROM {table}") == 2
        finally:
            await client.execute(f"DROP TABLE IF EXISTS {table}")
