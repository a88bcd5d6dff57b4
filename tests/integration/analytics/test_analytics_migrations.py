"""ClickHouse migrations on the real server: the schema appears, a second run does nothing."""
from __future__ import annotations

import shutil

import pytest
from ch_helpers import run_query, split_url

from app.paths import SQL_DIR
from storage.clickhouse import ClickHouseMigrationError, migrate, open_session, parse_url

pytestmark = pytest.mark.needs_clickhouse

EVENT_COLUMNS = ["event_id", "batch_id", "time", "event", "user_id", "channel", "subject", "theme",
                 "question_id", "correct", "points", "max_points", "latency_ms", "request_id", "actor",
                 "message_type", "outcome", "extra"]
LOG_COLUMNS = ["event_id", "batch_id", "time", "level", "logger", "message", "request_id", "actor", "extra"]


async def columns(ch_url: str, table: str) -> list[str]:
    url, _ = split_url(ch_url)
    return [row["name"] for row in (await run_query(url, f"DESCRIBE TABLE {table}")).rows]


async def test_migrations_create_the_schema_once_and_a_second_run_is_a_no_op(ch_url):
    target = parse_url(ch_url)
    async with open_session(5.0) as session:
        assert await migrate(target, session, SQL_DIR / "clickhouse") == ["0001_events", "0002_logs"]
        assert await migrate(target, session, SQL_DIR / "clickhouse") == []
    assert await columns(ch_url, "events") == EVENT_COLUMNS
    assert await columns(ch_url, "logs") == LOG_COLUMNS
    url, _ = split_url(ch_url)
    ledger = await run_query(url, "SELECT version, name FROM schema_migrations ORDER BY version")
    assert ledger.rows == [{"version": 1, "name": "0001_events"}, {"version": 2, "name": "0002_logs"}]


async def test_a_changed_applied_file_is_refused(ch_url, tmp_path):
    sql_dir = tmp_path / "clickhouse"
    shutil.copytree(SQL_DIR / "clickhouse", sql_dir)
    target = parse_url(ch_url)
    async with open_session(5.0) as session:
        await migrate(target, session, sql_dir)
        changed = sql_dir / "0002_logs.sql"
        changed.write_text(changed.read_text() + "\n-- edited after it was applied\n")
        with pytest.raises(ClickHouseMigrationError, match="0002_logs.sql was changed"):
            await migrate(target, session, sql_dir)
