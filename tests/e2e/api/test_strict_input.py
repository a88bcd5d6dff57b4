"""Booleans are not integers and integers are not booleans, wherever the document says `integer` or
`boolean` (request bodies are validated strictly); the document holds what the server checks."""
from __future__ import annotations

import pytest

from tests.e2e.admin.helpers import make_admin
from tests.e2e.api.helpers import bearer, problem, registered_token

USER_BODIES = [
    ("PUT", "/api/v1/reminders", {"hour": False}, "body.hour"),
    ("PUT", "/api/v1/reminders", {"hour": 7.5}, "body.hour"),
    ("PUT", "/api/v1/reminders", {"hour": "7"}, "body.hour"),
    ("PUT", "/api/v1/filters", {"only_may_in_subway": 0}, "body.only_may_in_subway"),
    ("PUT", "/api/v1/filters", {"difficulty_min": True}, "body.difficulty_min"),
    ("POST", "/api/v1/training/skip", {"served_id": True}, "body.served_id"),
    ("POST", "/api/v1/training/answers", {"served_id": "1", "answer": 0}, "body.served_id"),
    ("POST", "/api/v1/simulations", {"subject": "economics", "olympiad": "x", "stage": "school",
                                     "size": True}, "body.size"),
    ("POST", "/api/v1/reports", {"question_id": 1.5, "text": "typo"}, "body.question_id"),
]


@pytest.mark.parametrize(("method", "url", "body", "location"), USER_BODIES,
                         ids=[f"{c[1]} {c[3]}" for c in USER_BODIES])
async def test_a_boolean_for_an_integer_or_the_reverse_is_refused(http, method, url, body, location):
    _, token = await registered_token(http)
    async with http.request(method, url, json=body, headers=bearer(token)) as response:
        refused = await problem(response, 422)
    assert location in [error["loc"] for error in refused["errors"]]


async def test_admin_bodies_are_strict_too(http, empty_database):
    _, admin = await make_admin(http, empty_database)
    for body, location in [({"text": "hi", "segment": {"kind": "inactive", "days": True}}, "body.segment.inactive.days"),
                           ({"text": "hi", "segment": {"days": 7}}, "body.segment")]:
        async with http.post("/admin/api/v1/mailings", json=body, headers=admin) as response:
            refused = await problem(response, 422)
        assert location in [error["loc"] for error in refused["errors"]], refused


async def test_the_documents_state_the_rules(http):
    async with http.get("/api/v1/openapi.json") as response:
        user = await response.json()
    async with http.get("/admin/api/v1/openapi.json") as response:
        admin = await response.json()
    schemas = admin["components"]["schemas"]
    assert all("kind" in schemas[name]["required"] for name in ("AllUsers", "ByGrade", "InactiveFor", "OnlyMe"))
    upload = admin["paths"]["/admin/api/v1/bank/import"]["post"]["requestBody"]["content"]["multipart/form-data"]
    assert upload["schema"]["required"] == ["file"]
    register = user["components"]["schemas"]["RegisterRequest"]["properties"]
    assert register["email"]["pattern"] == "^[^\\u0000]*$" and "\\u200b" in register["display_name"]["pattern"]
    zones = user["components"]["schemas"]["RemindersRequest"]["properties"]["timezone"]["anyOf"][0]["enum"]
    assert "Europe/Moscow" in zones


async def test_an_integral_number_is_an_integer_as_json_schema_says(http):
    _, token = await registered_token(http)
    async with http.put("/api/v1/reminders", data=b'{"hour": 23.0}', headers={
            **bearer(token), "Content-Type": "application/json"}) as response:
        assert response.status == 200 and (await response.json())["hour"] == 23
