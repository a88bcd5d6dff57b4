"""The JSONB adapter's indexes are real PostgreSQL indexes that its own queries use."""
from __future__ import annotations

from pathlib import Path

from psycopg2 import sql

from storage.documents import Index
from storage.documents import postgres_sql as q
from tests.support.documents import any_store

INDEX = Index("by_week", (("week.id", 1), ("week.points", -1)))


async def test_indexes_exist_once_and_the_planner_uses_them(request, empty_database, tmp_path: Path):
    async with any_store("postgres", request, empty_database, tmp_path,
                         only_documents=True) as (store, database):
        for user in range(2000):
            await store.replace("stats", str(user), {"week": {"id": f"W{user % 50}", "points": user}})
        await store.ensure_indexes("stats", [INDEX])
        await store.ensure_indexes("stats", [INDEX])
        async with database.transaction() as tx:
            names = await tx.fetchall("SELECT indexname FROM pg_indexes WHERE tablename = 'documents'")
            await tx.execute("ANALYZE documents")
            await tx.execute("SET LOCAL enable_seqscan = off")
            params: dict = {}
            query = q.find("stats", {"week.id": "W7"}, [("week.points", -1)], 10, params)
            plan = await tx.fetchall(sql.SQL("EXPLAIN {}").format(query), params)
        assert [r["indexname"] for r in names].count("documents_stats_by_week") == 1
        assert "documents_stats_by_week" in " ".join(r["QUERY PLAN"] for r in plan)
