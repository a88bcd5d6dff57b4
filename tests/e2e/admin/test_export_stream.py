"""The export's reading side on a real database: every report's query yields its record's columns,
a running FETCH can be interrupted, and a cancelled export leaves neither a file nor a connection."""
from __future__ import annotations

import asyncio
import threading
import time

import pytest

from actors.export import job as export_job
from actors.export.xlsx import SheetWriter
from app.paths import SQL_DIR
from storage.postgres import Database, StoreUnavailable
from storage.postgres.export_jobs_repo import ExportJobsRepository
from storage.postgres.export_queries import REPORTS, Report, ReportStream, report_params
from storage.postgres.export_records import UserRow
from storage.postgres.migrate import migrate
from tests.e2e.admin.helpers import sql
from tests.e2e.admin.seed import seed_attempts

ATTEMPTS = 400


@pytest.fixture
async def seeded(empty_database):
    await migrate(empty_database, SQL_DIR / "postgres")
    await seed_attempts(empty_database, ATTEMPTS, users=10)
    return empty_database


def read_all(stream: ReportStream) -> list[tuple]:
    with stream as batches:
        return [row for rows in batches for row in rows]


async def export_connections(dsn: str) -> int:
    (count,), = await sql(dsn, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'apo-export'")
    return count


async def test_every_report_yields_the_columns_of_its_record_in_batches(seeded):
    for kind, report in REPORTS.items():  # mailing 1 does not exist: no rows, the columns are checked all the same
        rows = await asyncio.to_thread(read_all, ReportStream(seeded, kind, report_params(mailing_id=1), 7))
        assert all(len(row) == len(report.record.model_fields) for row in rows), kind
    rows = await asyncio.to_thread(read_all, ReportStream(seeded, "attempts", report_params(), 7))
    assert len(rows) == ATTEMPTS * 11 // 10 and [row[0] for row in rows] == sorted(row[0] for row in rows)
    assert await export_connections(seeded) == 0


async def test_a_query_that_does_not_match_its_record_is_refused(seeded, monkeypatch):
    monkeypatch.setitem(REPORTS, "users", Report("SELECT id, email FROM users ORDER BY id", "SELECT 0", UserRow))
    with pytest.raises(ValueError, match="not its record's fields"):
        await asyncio.to_thread(read_all, ReportStream(seeded, "users", report_params()))


async def test_cancel_interrupts_a_running_fetch(seeded, monkeypatch):
    slow = REPORTS["users"].select.replace("ORDER BY u.id", "WHERE (SELECT count(*) FROM pg_sleep(60)) = 1 ORDER BY u.id")
    monkeypatch.setitem(REPORTS, "users", Report(slow, "SELECT 0", UserRow))
    stream = ReportStream(seeded, "users", report_params())
    reading = asyncio.ensure_future(asyncio.to_thread(read_all, stream))
    await asyncio.sleep(0.5)
    started = time.monotonic()
    stream.cancel()
    with pytest.raises(StoreUnavailable):
        await asyncio.wait_for(reading, 10)
    assert time.monotonic() - started < 5


async def test_a_cancelled_export_leaves_no_file_and_no_connection(seeded, tmp_path, monkeypatch):
    writing = threading.Event()

    class SlowSheet(SheetWriter):
        def append(self, rows) -> None:
            writing.set()
            time.sleep(0.05)
            super().append(rows)

    monkeypatch.setattr(export_job, "SheetWriter", SlowSheet)
    monkeypatch.setattr(export_job, "BATCH_ROWS", 10)  # 44 batches: seconds of work
    database = Database(seeded)
    await database.open()
    try:
        (admin_id,), = await sql(seeded, "SELECT min(id) FROM users")
        async with database.transaction() as tx:
            job = await ExportJobsRepository().create(tx, admin_id, "attempts", {})
        task = asyncio.ensure_future(export_job.run_export(database, job, tmp_path))
        assert await asyncio.to_thread(writing.wait, 10)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    finally:
        await database.close()
    assert list(tmp_path.iterdir()) == []
    for _ in range(50):  # the server notices the closed connection a moment later
        if await export_connections(seeded) == 0:
            break
        await asyncio.sleep(0.1)
    assert await export_connections(seeded) == 0
