"""Input and state at the edges, answered cleanly by the REST and admin APIs: NUL characters, offsets
beyond bigint, deeply nested JSON, an email in another Unicode form, answers to a finished session,
blank reports."""
from __future__ import annotations

import aiohttp
import pytest

from tests.e2e.admin.helpers import make_admin
from tests.e2e.api.helpers import PASSWORD, bearer, new_email, problem, registered_token
from tests.e2e.api.test_training import correct_answer_of, right_answer

JSON = {"Content-Type": "application/json"}


async def _shown_question(http, auth: dict, **filters) -> dict:
    if filters:
        async with http.put("/api/v1/filters", headers=auth, json=filters) as r:
            assert r.status == 200, await r.text()
    async with http.get("/api/v1/training/next", headers=auth) as r:
        assert r.status == 200, await r.text()
        return await r.json()


# PostgreSQL text and jsonb cannot hold U+0000: such a string used to reach a statement and fail there (500).
NUL_BODIES = [
    ("report text", "POST", "/api/v1/reports", b'{"question_id": 1, "text": "typo \\u0000"}', "body.text"),
    ("reminder time zone", "PUT", "/api/v1/reminders", b'{"hour": 5, "timezone": "Europe/\\u0000"}',
     "body.timezone"),
    ("simulation paper", "POST", "/api/v1/simulations",
     b'{"subject": "economics", "olympiad": "\\u0000", "stage": "final"}', "body.olympiad"),
]


@pytest.mark.parametrize(("case", "method", "url", "body", "location"), NUL_BODIES, ids=[c[0] for c in NUL_BODIES])
async def test_a_nul_character_in_a_string_is_422_naming_the_field(http, case, method, url, body, location):
    _, token = await registered_token(http)
    async with http.request(method, url, data=body, headers={**JSON, **bearer(token)}) as r:
        errors = (await problem(r, 422))["errors"]
    assert [e["loc"] for e in errors] == [location]


async def test_a_nul_character_in_an_open_answer_is_422_and_the_question_stays_answerable(http, empty_database):
    _, token = await registered_token(http)
    auth = bearer(token)
    question = await _shown_question(http, auth, types=["open"])
    body = b'{"served_id": %d, "answer": "6\\u0000"}' % question["served_id"]
    async with http.post("/api/v1/training/answers", data=body, headers={**JSON, **auth}) as r:
        assert (await problem(r, 422))["errors"][0]["loc"] == "body.answer"
    answer = right_answer(question, await correct_answer_of(empty_database, question["question_id"]))
    async with http.post("/api/v1/training/answers", headers=auth,
                         json={"served_id": question["served_id"], "answer": answer}) as r:
        assert r.status == 200 and (await r.json())["correct"] is True


async def test_a_nul_character_in_admin_bodies_is_422(http, empty_database):
    _, admin = await make_admin(http, empty_database)
    async with http.post("/admin/api/v1/mailings", data=b'{"text": "hi \\u0000", "segment": {"kind": "all"}}',
                         headers={**JSON, **admin}) as r:
        assert (await problem(r, 422))["errors"][0]["loc"] == "body.text"


async def test_a_literal_backslash_u0000_is_ordinary_text(http):
    _, token = await registered_token(http)
    body = b'{"question_id": 1, "text": "write \\\\u0000 in C"}'  # the six characters \u0000, no NUL
    async with http.post("/api/v1/reports", data=body, headers={**JSON, **bearer(token)}) as r:
        assert r.status == 201, await r.text()
        assert (await r.json())["text"] == "write \\u0000 in C"


@pytest.mark.parametrize("url", ["/admin/api/v1/mailings", "/admin/api/v1/reports"])
async def test_an_offset_beyond_bigint_is_422_not_500(http, empty_database, url):
    _, admin = await make_admin(http, empty_database)
    async with http.get(url, headers=admin, params={"offset": str(2**63)}) as r:
        assert (await problem(r, 422))["errors"][0]["loc"] == "query.offset"


async def test_a_deeply_nested_json_import_is_rejected_not_500(http, empty_database):
    _, admin = await make_admin(http, empty_database)
    form = aiohttp.FormData()
    form.add_field("file", b"[" * 100_000 + b"]" * 100_000, filename="bank.json")
    async with http.post("/admin/api/v1/bank/import", headers=admin, data=form) as r:
        body = await problem(r, 422)
    assert body["imported"] == 0 and "nested" in body["errors"][0]["msg"]


async def test_the_email_registered_logs_in_whatever_its_unicode_form(http):
    decomposed = "jose\u0301" + new_email()  # é typed as e + combining accent; registration stores NFC
    async with http.post("/api/v1/auth/register", json={"email": decomposed, "password": PASSWORD,
                                                         "display_name": "José"}) as r:
        assert r.status == 201, await r.text()
    for typed in (decomposed, decomposed.upper()):
        async with http.post("/api/v1/auth/login", json={"email": typed, "password": PASSWORD}) as r:
            assert r.status == 200, await r.text()


async def test_a_finished_session_takes_no_more_answers_and_its_summary_stands(http, empty_database):
    _, token = await registered_token(http)
    auth = bearer(token)
    question = await _shown_question(http, auth)
    async with http.post(f"/api/v1/training/sessions/{question['session_id']}/finish", headers=auth) as r:
        summary = await r.json()
    assert summary["served"] == 1 and summary["answered"] == 0
    answer = right_answer(question, await correct_answer_of(empty_database, question["question_id"]))
    async with http.post("/api/v1/training/answers", headers=auth,
                         json={"served_id": question["served_id"], "answer": answer}) as r:
        assert (await problem(r, 409))["type"].endswith("session_finished")
    async with http.post("/api/v1/training/skip", headers=auth, json={"served_id": question["served_id"]}) as r:
        assert (await problem(r, 409))["type"].endswith("session_finished")
    async with http.post(f"/api/v1/training/sessions/{question['session_id']}/finish", headers=auth) as r:
        assert await r.json() == summary  # finishing again gives the same summary


async def test_an_answer_given_before_finishing_is_still_returned_on_retry(http, empty_database):
    _, token = await registered_token(http)
    auth = bearer(token)
    question = await _shown_question(http, auth)
    answer = right_answer(question, await correct_answer_of(empty_database, question["question_id"]))
    body = {"served_id": question["served_id"], "answer": answer}
    async with http.post("/api/v1/training/answers", headers=auth, json=body) as r:
        first = await r.json()
    async with http.post(f"/api/v1/training/sessions/{question['session_id']}/finish", headers=auth) as r:
        assert r.status == 200
    async with http.post("/api/v1/training/answers", headers=auth, json=body) as r:
        assert r.status == 200 and await r.json() == first  # an acknowledged answer is never lost


async def test_a_rule_of_the_message_behind_a_body_is_a_422_with_a_detail(http, empty_database):
    _, admin = await make_admin(http, empty_database)
    async with http.post("/admin/api/v1/exports", headers=admin, json={"kind": "questions", "subject": "Bad!"}) as r:
        body = await problem(r, 422)
    assert body["detail"] and body["errors"][0]["loc"] == "body.questions.subject"  # the union's tag, then the field


@pytest.mark.parametrize("text", ["   ", "\n\t "])
async def test_a_blank_report_is_422_as_in_the_bot(http, text):
    _, token = await registered_token(http)
    async with http.post("/api/v1/reports", headers=bearer(token), json={"question_id": 1, "text": text}) as r:
        assert (await problem(r, 422))["errors"][0]["loc"] == "body.text"
    async with http.post("/api/v1/reports", headers=bearer(token), json={"question_id": 1, "text": " typo "}) as r:
        assert r.status == 201 and (await r.json())["text"] == "typo"
