"""Exports over the admin API: a job, its progress, the xlsx download; refusals; stale jobs."""
from __future__ import annotations

import asyncio
import io

from openpyxl import load_workbook

from tests.e2e.admin.helpers import (
    insert_telegram_users,
    make_admin,
    sql,
    wait_for_status,
)
from tests.e2e.api.helpers import problem, register

EXPORTS = "/admin/api/v1/exports"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def export(http, headers, **request) -> tuple[dict, bytes]:
    async with http.post(EXPORTS, headers=headers, json=request) as response:
        assert response.status == 202, await response.text()
        job = await response.json()
    while job["status"] == "running":
        await asyncio.sleep(0.1)
        async with http.get(f"{EXPORTS}/{job['id']}", headers=headers) as response:
            job = await response.json()
    assert job["status"] == "done", job
    async with http.get(f"{EXPORTS}/{job['id']}/file", headers=headers) as response:
        assert response.status == 200 and response.headers["Content-Type"] == XLSX
        assert response.headers["Content-Disposition"] == f'attachment; filename="{job["filename"]}"'
        return job, await response.read()


def sheet_rows(content: bytes) -> list[list]:
    workbook = load_workbook(io.BytesIO(content))
    return [[cell for cell in row] for row in workbook.worksheets[0].iter_rows()]


async def test_users_export_downloads_typed_and_formula_safe(admin_http, empty_database):
    _, admin = await make_admin(admin_http, empty_database)
    await register(admin_http, display_name="=SUM(1;2)")
    job, content = await export(admin_http, admin, kind="users")
    rows = sheet_rows(content)
    assert [c.value for c in rows[0]][:4] == ["User id", "Telegram id", "Email", "Name"]
    assert job["rows_written"] == job["rows_total"] == len(rows) - 1 == 2 and job["progress"] == 1.0
    formula = next(row for row in rows[1:] if row[3].value == "=SUM(1;2)")
    assert formula[3].data_type == "s" and formula[0].data_type == "n" and formula[8].is_date
    assert job["filename"].startswith(f"users-{job['id']}-") and job["size_bytes"] == len(content)


async def test_questions_export_follows_the_subject_filter(admin_http, empty_database):
    _, admin = await make_admin(admin_http, empty_database)
    (total,), = await sql(empty_database, "SELECT count(*) FROM questions")
    (economics,), = await sql(empty_database, """
        SELECT count(*) FROM questions q JOIN subjects s ON s.id = q.subject_id WHERE s.code = 'economics'""")
    assert 0 < economics < total
    _, content = await export(admin_http, admin, kind="questions")
    assert len(sheet_rows(content)) == total + 1
    _, content = await export(admin_http, admin, kind="questions", subject="economics")
    rows = sheet_rows(content)
    assert len(rows) == economics + 1 and {row[2].value for row in rows[1:]} == {"economics"}


async def test_refusals_and_unknown_jobs(admin_http, empty_database):
    _, admin = await make_admin(admin_http, empty_database)
    # Which filters a kind takes is in the document (one request schema per kind): a field error.
    for request, location in [({"kind": "mailing"}, "body.mailing.mailing_id"),
                              ({"kind": "users", "subject": "economics"}, "body.users.subject"),
                              ({"kind": "everything"}, "body")]:
        async with admin_http.post(EXPORTS, headers=admin, json=request) as response:
            body = await problem(response, 422)
        assert location in [error["loc"] for error in body["errors"]], body
    for request, detail in [({"kind": "mailing", "mailing_id": 999999}, "no mailing 999999"),
                            ({"kind": "attempts", "date_from": "2026-02-01T00:00:00Z",
                              "date_to": "2026-01-01T00:00:00Z"}, "before date_to")]:
        async with admin_http.post(EXPORTS, headers=admin, json=request) as response:
            body = await problem(response, 422)
        assert detail in body["detail"]
    for url in (f"{EXPORTS}/424242", f"{EXPORTS}/424242/file"):
        async with admin_http.get(url, headers=admin) as response:
            await problem(response, 404)


async def test_a_running_job_has_no_file_yet_and_a_silent_one_reads_as_failed(admin_http, empty_database):
    _, admin = await make_admin(admin_http, empty_database)
    (running,), (stale,) = await sql(empty_database, """
        INSERT INTO export_jobs (kind, status, updated_at) VALUES ('users', 'running', now()),
                                                                  ('users', 'running', now() - interval '1 hour')
        RETURNING id""")
    async with admin_http.get(f"{EXPORTS}/{running}/file", headers=admin) as response:
        assert "running" in (await problem(response, 409))["detail"]
    async with admin_http.get(f"{EXPORTS}/{stale}", headers=admin) as response:
        job = await response.json()
    assert job["status"] == "failed" and "interrupted" in job["error"]


async def test_mailing_results_export(telegram_admin_http, empty_database, fake_telegram):
    http = telegram_admin_http
    await insert_telegram_users(empty_database, 330_000, 6)
    fake_telegram.block_user(330_003)
    _, admin = await make_admin(http, empty_database)
    async with http.post("/admin/api/v1/mailings", headers=admin,
                         json={"text": "Итоги", "segment": {"kind": "all"}}) as response:
        mailing = await response.json()
    async with http.post(f"/admin/api/v1/mailings/{mailing['id']}/start", headers=admin):
        pass
    await wait_for_status(http, admin, mailing["id"], {"finished"})
    _, content = await export(http, admin, kind="mailing", mailing_id=mailing["id"])
    rows = sheet_rows(content)
    assert [c.value for c in rows[0]] == ["User id", "Name", "Telegram chat", "State", "Error", "Attempted (UTC)"]
    states = {row[2].value: row[3].value for row in rows[1:]}
    assert states == {330_000 + i: ("blocked" if i == 3 else "sent") for i in range(6)}
    assert all(row[5].is_date for row in rows[1:])
