"""Bank tools over the admin API: import by multipart upload (all or nothing, row errors as a 422
problem), the bank's own export, and question reports (list, resolve, dismiss)."""
from __future__ import annotations

import json

import aiohttp

from tests.e2e.admin.helpers import make_admin, sql
from tests.e2e.api.helpers import bearer, login, problem, register

IMPORT = "/admin/api/v1/bank/import"


def question(external_id: str, **fields) -> dict:
    return {"external_id": external_id, "theme": "Тестовая тема", "type": "yes_no", "text": "Верно ли?",
            "correct": True, "explanation": "Потому что.", "difficulty": 1, **fields}


def bank_file(*questions: dict) -> bytes:
    return json.dumps({"format": "apo-questions/1", "subject": {"code": "testing", "name": "Тесты"},
                       "questions": list(questions)}, ensure_ascii=False).encode()


def upload(content: bytes, filename: str = "bank.json") -> aiohttp.FormData:
    form = aiohttp.FormData()
    form.add_field("file", content, filename=filename, content_type="application/octet-stream")
    return form


async def count_questions(dsn: str) -> int:
    return (await sql(dsn, "SELECT count(*) FROM questions"))[0][0]


async def test_a_bad_file_is_422_with_every_row_error_and_nothing_is_imported(admin_http, empty_database):
    _, admin = await make_admin(admin_http, empty_database)
    before = await count_questions(empty_database)
    content = bank_file(question("t-1"), question("t-2", difficulty=9), question("t-3", type="guess"),
                        question("t-4"))
    async with admin_http.post(IMPORT, headers=admin, data=upload(content)) as response:
        body = await problem(response, 422)
    assert body["type"].endswith("import-rejected") and body["imported"] == 0
    assert {e["row"] for e in body["errors"]} == {2, 3}
    assert all(e["loc"].startswith(f"row {e['row']}") and e["msg"] and e["type"] == "import_row"
               for e in body["errors"])
    assert await count_questions(empty_database) == before


async def test_a_good_file_imports_once_and_reimports_as_unchanged(admin_http, empty_database):
    _, admin = await make_admin(admin_http, empty_database)
    before = await count_questions(empty_database)
    content = bank_file(question("t-10"), question("t-11", text="=1+1 — формула?"))
    async with admin_http.post(IMPORT, headers=admin, data=upload(content)) as response:
        assert response.status == 200, await response.text()
        assert await response.json() == {"total": 2, "created": 2, "updated": 0, "unchanged": 0}
    async with admin_http.post(IMPORT, headers=admin, data=upload(content)) as response:
        assert (await response.json())["unchanged"] == 2
    assert await count_questions(empty_database) == before + 2
    async with admin_http.get("/admin/api/v1/bank/export", headers=admin, params={"format": "json"}) as response:
        assert response.status == 200 and "attachment" in response.headers["Content-Disposition"]
        exported = json.loads(await response.read())
    assert {q["external_id"] for q in exported["questions"]} >= {"t-10", "t-11"}


async def test_uploads_must_be_multipart_and_small(admin_http, empty_database):
    _, admin = await make_admin(admin_http, empty_database)
    async with admin_http.post(IMPORT, headers=admin, json={"questions": []}) as response:
        await problem(response, 415)
    async with admin_http.post(IMPORT, headers=admin, data=upload(b"x" * (11 * 1024 * 1024))) as response:
        await problem(response, 413)
    form = aiohttp.FormData()
    form.add_field("other", b"{}", filename="bank.json")
    async with admin_http.post(IMPORT, headers=admin, data=form) as response:
        assert "one part, named `file`" in (await problem(response, 400))["detail"]
    empty = b"--b--\r\n"
    async with admin_http.post(IMPORT, data=empty, headers={**admin, "Content-Type": "multipart/form-data; boundary=b"}) as response:
        assert "No part named `file`" in (await problem(response, 400))["detail"]
    async with admin_http.post(IMPORT, headers=admin, data=upload(b"{}", "bank.csv")) as response:
        await problem(response, 422)


async def test_reports_are_listed_and_resolved_or_dismissed(admin_http, empty_database):
    _, admin = await make_admin(admin_http, empty_database)
    student = await register(admin_http)
    student_auth = bearer(await login(admin_http, student["email"]))
    ids = [row[0] for row in await sql(empty_database, "SELECT id FROM questions ORDER BY id LIMIT 2")]
    for question_id in ids:
        async with admin_http.post("/api/v1/reports", headers=student_auth,
                                   json={"question_id": question_id, "text": "Опечатка в условии"}) as response:
            assert response.status == 201, await response.text()
    async with admin_http.get("/admin/api/v1/reports", headers=admin) as response:
        reports = await response.json()
    assert [r["question_id"] for r in reports] == ids and all(r["status"] == "open" for r in reports)
    for report, status in zip(reports, ("resolved", "dismissed"), strict=True):
        async with admin_http.post(f"/admin/api/v1/reports/{report['id']}/resolve", headers=admin,
                                   json={"status": status, "note": "спасибо"}) as response:
            assert response.status == 200, await response.text()
            assert (await response.json())["status"] == status
    async with admin_http.get("/admin/api/v1/reports", headers=admin) as response:
        assert await response.json() == []
    async with admin_http.get("/admin/api/v1/reports", headers=admin, params={"status": "all"}) as response:
        assert {r["status"] for r in await response.json()} == {"resolved", "dismissed"}
    async with admin_http.post("/admin/api/v1/reports/999999/resolve", headers=admin,
                               json={"status": "resolved"}) as response:
        await problem(response, 404)


async def test_a_malformed_part_header_is_a_400_that_quotes_nothing(admin_http, empty_database):
    _, admin = await make_admin(admin_http, empty_database)
    body = b'--b\r\nContent-Disposition: form-data; name="t\x16secret"\r\n\r\nx\r\n--b--\r\n'
    async with admin_http.post(IMPORT, data=body, headers={**admin, "Content-Type": "multipart/form-data; boundary=b"}) as r:
        problem_body = await problem(r, 400)
    assert "multipart body could not be read" in problem_body["detail"] and "secret" not in await r.text()
