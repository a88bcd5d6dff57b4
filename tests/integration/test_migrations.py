"""The migration runner on a real PostgreSQL: DESIGN §5's promises."""
from __future__ import annotations

import asyncio
from pathlib import Path

import aiopg
import pytest

from storage.postgres import MigrationError
from storage.postgres.migrate import migrate

PROJECT_MIGRATIONS = Path(__file__).resolve().parents[2] / "sql" / "postgres"


def write(directory: Path, name: str, sql: str) -> None:
    (directory / name).write_text(sql, encoding="utf-8")


async def fetch(dsn: str, sql: str) -> list[tuple]:
    async with aiopg.connect(dsn) as conn, conn.cursor() as cur:
        await cur.execute(sql)
        return await cur.fetchall()


async def test_project_migrations_apply_on_a_fresh_database_and_rerun_is_a_noop(empty_database):
    applied = await migrate(empty_database, PROJECT_MIGRATIONS)
    assert applied[0] == "0001_users"
    assert await migrate(empty_database, PROJECT_MIGRATIONS) == []
    tables = await fetch(empty_database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    assert {"users", "schema_migrations"} <= {t for (t,) in tables}


async def test_changed_applied_file_is_refused(empty_database, tmp_path):
    write(tmp_path, "0001_a.sql", "CREATE TABLE a (id int);")
    await migrate(empty_database, tmp_path)
    write(tmp_path, "0001_a.sql", "CREATE TABLE a (id bigint);")
    with pytest.raises(MigrationError, match="0001_a.sql was changed"):
        await migrate(empty_database, tmp_path)


async def test_failing_file_is_rolled_back_without_ledger_row(empty_database, tmp_path):
    write(tmp_path, "0001_a.sql", "CREATE TABLE a (id int);")
    write(tmp_path, "0002_b.sql", "CREATE TABLE b (id int); INSERT INTO nowhere VALUES (1);")
    with pytest.raises(MigrationError, match="0002_b.sql failed and was rolled back"):
        await migrate(empty_database, tmp_path)
    ledger = await fetch(empty_database, "SELECT name FROM schema_migrations ORDER BY version")
    assert ledger == [("0001_a",)]
    tables = {t for (t,) in await fetch(empty_database, "SELECT tablename FROM pg_tables")}
    assert "a" in tables and "b" not in tables


async def test_two_runners_at_once_apply_each_file_once(empty_database, tmp_path):
    # pg_sleep widens the race window: without the advisory lock both runners would apply 0001.
    write(tmp_path, "0001_slow.sql", "SELECT pg_sleep(0.5); CREATE TABLE slow (id int);")
    write(tmp_path, "0002_next.sql", "CREATE TABLE next_one (id int);")
    first, second = await asyncio.gather(migrate(empty_database, tmp_path), migrate(empty_database, tmp_path))
    assert sorted([first, second], key=len) == [[], ["0001_slow", "0002_next"]]
    ledger = await fetch(empty_database, "SELECT version FROM schema_migrations ORDER BY version")
    assert ledger == [(1,), (2,)]


async def test_applied_file_that_disappeared_is_an_error(empty_database, tmp_path):
    write(tmp_path, "0001_a.sql", "CREATE TABLE a (id int);")
    await migrate(empty_database, tmp_path)
    (tmp_path / "0001_a.sql").unlink()
    with pytest.raises(MigrationError, match="has no file"):
        await migrate(empty_database, tmp_path)


@pytest.mark.parametrize("name", ["1_short.sql", "0001-dash.sql", "0001_Upper.sql"])
async def test_badly_named_file_is_refused(empty_database, tmp_path, name):
    write(tmp_path, name, "SELECT 1;")
    with pytest.raises(MigrationError, match="NNNN_snake_name"):
        await migrate(empty_database, tmp_path)
