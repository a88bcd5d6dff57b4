"""Our ClickHouse SQL on a current ClickHouse release (26.9, in process through chDB).

Production runs clickhouse/clickhouse-server:24.8, but the server the other analytics tests start is
Debian's 18.16. Here the same SQL runs on chDB's 26.9 engine, so SQL a current release rejects or
answers differently fails the suite: the migrations with their ledger, the writer's inserts and its
de-duplication query (also on the `apo analytics replay` path), and every Grafana panel (whose answers
test_analytics_dashboards.py also compares with 18.16's). The writer talks through its real aiochclient
client with chDB as the transport (chdb_clickhouse.py), so what this cannot check is the HTTP interface
of a new server (requests, headers, status codes) under aiochclient.
"""
from __future__ import annotations

import pytest
from chdb_clickhouse import run_chdb
from grafana_panels import PANEL_IDS, PANELS, check_panel_result, panel_queries, seed
from test_analytics_migrations import EVENT_COLUMNS, LOG_COLUMNS
from training_events import LoadTestEvent

from actors.analytics.rows import event_row
from app.paths import SQL_DIR
from storage.clickhouse import ClickHouseRejected, RowBatch, migrate, open_session
from storage.clickhouse.migrate import discover
from storage.spool import Spool, replay

MIGRATIONS = SQL_DIR / "clickhouse"


def stored_seqs(chdb_target) -> list[int]:
    rows = run_chdb(chdb_target, "SELECT visitParamExtractUInt(extra, 'seq') AS seq FROM events "
                                 "WHERE event = 'load_test_event' ORDER BY seq").rows
    return [int(row["seq"]) for row in rows]


async def test_every_migration_applies_in_order_and_the_ledger_makes_a_second_run_a_no_op(chdb_target):
    async with open_session(5.0) as session:
        assert await migrate(chdb_target, session, MIGRATIONS) == [file.name for file in discover(MIGRATIONS)]
        assert await migrate(chdb_target, session, MIGRATIONS) == []
    for table, columns in (("events", EVENT_COLUMNS), ("logs", LOG_COLUMNS)):
        assert [row["name"] for row in run_chdb(chdb_target, f"DESCRIBE TABLE {table}").rows] == columns


async def test_a_replayed_batch_stores_only_the_rows_not_stored_yet(chdb_writer, chdb_target, tmp_path):
    rows = [event_row(LoadTestEvent(seq=seq, user_id=1, channel="api"), {}) for seq in range(10)]
    batch = RowBatch.new("events", rows)
    spool = Spool(tmp_path / "spool", max_bytes=1_000_000)
    spool.write(batch, attempted=True)
    assert await chdb_writer.insert(RowBatch("events", batch.batch_id, batch.rows[:4]), dedupe=False) == 4
    result = await replay(spool, chdb_writer)  # what `apo analytics replay` runs: inserts with dedupe
    assert (result.batches, result.rows, result.already_stored) == (1, 6, 4)
    assert await chdb_writer.insert(batch, dedupe=True) == 0
    assert stored_seqs(chdb_target) == list(range(10))


async def test_rows_clickhouse_cannot_parse_are_refused_as_data(chdb_writer):
    row = {**event_row(LoadTestEvent(seq=1, user_id=1, channel="api"), {}), "time": "not a time"}
    with pytest.raises(ClickHouseRejected):  # 26.9's error code is one the writer knows as a data error
        await chdb_writer.insert(RowBatch.new("events", [row]), dedupe=False)


@pytest.mark.parametrize(("board", "panel"), PANELS, ids=PANEL_IDS)
async def test_the_panel_query_runs_and_returns_its_columns(chdb_writer, chdb_target, board, panel):
    await seed(chdb_writer)
    for target, sql in panel_queries(panel):
        check_panel_result(panel, target, run_chdb(chdb_target, sql))
