"""The export actor on a real database: statistics aggregates, attempts filters, answers as text."""
from __future__ import annotations

import asyncio

import pytest
from openpyxl import load_workbook

from actors.export.actor import ExportActor
from actors.export.messages import (
    ExportJobView,
    GetExportFile,
    GetExportJob,
    StartExport,
)
from actors.runtime import ActorSystem
from app.paths import SQL_DIR
from storage.postgres import Database
from storage.postgres.migrate import migrate
from tests.e2e.admin.helpers import sql
from tests.e2e.admin.seed import seed_attempts

ATTEMPTS = 400


@pytest.fixture
async def system(empty_database, tmp_path):
    await migrate(empty_database, SQL_DIR / "postgres")
    await seed_attempts(empty_database, ATTEMPTS, users=10)
    database = Database(empty_database)
    await database.open()
    system = ActorSystem()
    system.spawn("export", lambda: ExportActor(database, tmp_path))
    await system.start()
    yield system
    await system.stop()
    await database.close()


async def run(system: ActorSystem, **request) -> tuple[ExportJobView, list[tuple]]:
    job = await system.ask(StartExport(requested_by=1, **request))
    while job.status == "running":
        await asyncio.sleep(0.05)
        job = await system.ask(GetExportJob(job_id=job.id))
    file = await system.ask(GetExportFile(job_id=job.id))
    rows = list(load_workbook(file.path, read_only=True).worksheets[0].iter_rows(values_only=True))
    return job, rows


async def test_attempts_follow_the_subject_and_date_filters(system):
    _, everything = await run(system, kind="attempts")
    assert len(everything) - 1 == ATTEMPTS * 11 // 10
    job, rows = await run(system, kind="attempts", subject="economics", date_from="2026-01-01T00:00:00Z")
    assert job.rows_total == job.rows_written == len(rows) - 1 == ATTEMPTS
    assert {row[4] for row in rows[1:]} == {"economics"}
    answers = {row[-1] for row in rows[1:]}
    assert {"=1+2", "@SUM(A1)", "true"} <= answers and all(isinstance(a, str) for a in answers)


async def test_statistics_are_per_user_and_subject_and_match_the_attempts(system, empty_database):
    await sql(empty_database, "UPDATE attempts SET score = 0.5 WHERE NOT correct AND id % 2 = 0")  # partial credit
    _, rows = await run(system, kind="statistics", subject="economics", date_from="2026-01-01T00:00:00Z",
                        date_to="2027-01-01T00:00:00Z")
    header, data = rows[0], rows[1:]
    assert header[:5] == ("User id", "Name", "Grade", "Subject", "Attempts")
    assert len(data) == 10 and sum(row[4] for row in data) == ATTEMPTS
    expected = dict(await sql(empty_database, """
        SELECT a.user_id, count(*) FILTER (WHERE a.correct) FROM attempts a
        JOIN questions q ON q.id = a.question_id JOIN subjects s ON s.id = q.subject_id
        WHERE s.code = 'economics' AND a.created_at >= '2026-01-01' GROUP BY a.user_id"""))
    assert {row[0]: row[5] for row in data} == expected
    assert header[6:8] == ("Accuracy (correct / attempts)", "Average score (0..1)")
    # The same measure as /stats/me (stats render: round(correct / attempts, 4)), partial credit apart.
    assert all(row[6] == round(row[5] / row[4], 4) for row in data)
    scores = dict(await sql(empty_database, """
        SELECT a.user_id, round(avg(a.score)::numeric, 4)::float8 FROM attempts a
        JOIN questions q ON q.id = a.question_id JOIN subjects s ON s.id = q.subject_id
        WHERE s.code = 'economics' AND a.created_at >= '2026-01-01' GROUP BY a.user_id"""))
    assert {row[0]: row[7] for row in data} == scores and any(row[6] != row[7] for row in data)
    assert all(row[10] <= row[11] for row in data)


async def test_users_export_counts_attempts(system):
    _, rows = await run(system, kind="users")
    assert len(rows) == 11 and sum(row[9] for row in rows[1:]) == ATTEMPTS * 11 // 10
