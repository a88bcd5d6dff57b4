"""Declared routes over real HTTP: typed round trips and every way a request can be refused."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from app.http import ApiSpec

ADMIN = {"Authorization": "Bearer admin-token"}
PROBLEM = "application/problem+json"


async def test_typed_round_trip_returns_the_declared_model(client):
    resp = await client.post("/api/v1/auth/login", json={"email": "a@b.c", "password": "correct-horse"})
    assert resp.status == 200
    assert resp.content_type == "application/json"
    assert await resp.json() == {"token": "user-token", "user_id": 1}


async def test_invalid_fields_answer_422_with_located_errors(client):
    resp = await client.post("/api/v1/auth/login", json={"email": "not-an-email", "password": "pw1"})
    assert resp.status == 422
    assert resp.content_type == PROBLEM
    problem = await resp.json()
    assert problem["type"] == "https://apo-trainer.dev/problems/validation"
    assert problem["title"] == "Validation failed"
    assert problem["status"] == 422
    assert problem["instance"] == "/api/v1/auth/login"
    assert [(e["loc"], e["type"]) for e in problem["errors"]] == [
        ("body.email", "string_pattern_mismatch"), ("body.password", "string_too_short")]
    assert "pw1" not in str(problem["errors"])  # the rejected input (a password) is not echoed


async def test_missing_field_is_located(client):
    resp = await client.post("/api/v1/auth/login", json={"email": "a@b.c"})
    assert resp.status == 422
    assert (await resp.json())["errors"] == [
        {"loc": "body.password", "msg": "Field required", "type": "missing"}]


@pytest.mark.parametrize("raw", [b'{"email": "a@b.c", ', b"", b"\xff\xfe"])
async def test_malformed_json_answers_400(client, raw):
    resp = await client.post("/api/v1/auth/login", data=raw, headers={"Content-Type": "application/json"})
    assert resp.status == 400
    assert resp.content_type == PROBLEM
    problem = await resp.json()
    assert problem["type"] == "https://apo-trainer.dev/problems/malformed-body"
    assert problem["status"] == 400


async def test_wrong_content_type_answers_415(client):
    resp = await client.post("/api/v1/auth/login", data="email=a@b.c",
                             headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert resp.status == 415
    problem = await resp.json(content_type=PROBLEM)
    assert problem["title"] == "Unsupported Media Type"
    assert problem["type"] == "about:blank"


async def test_body_over_one_megabyte_answers_413_before_reading(client):
    big = b'{"email": "' + b"a" * (1024 * 1024) + b'"}'
    resp = await client.post("/api/v1/auth/login", data=big, headers={"Content-Type": "application/json"})
    assert resp.status == 413
    problem = await resp.json(content_type=PROBLEM)
    assert problem["detail"] == "The request body may be at most 1048576 bytes."


async def test_per_route_body_limit(client):
    ok = await client.post("/api/v1/uploads", json={"blob": "x" * 900})
    assert ok.status == 200
    too_big = await client.post("/api/v1/uploads", json={"blob": "x" * 2000})
    assert too_big.status == 413
    detail = (await too_big.json(content_type=PROBLEM))["detail"]
    assert detail == "The request body may be at most 1024 bytes."


async def test_chunked_body_over_the_route_limit_answers_413(client):
    async def chunks():
        yield b'{"blob": "'
        yield b"x" * 2000
        yield b'"}'

    resp = await client.post("/api/v1/uploads", data=chunks(), headers={"Content-Type": "application/json"})
    assert resp.status == 413


async def test_query_parameters_are_typed_and_lists_repeat(client):
    resp = await client.get("/api/v1/stats/leaderboard",
                            params=[("limit", "5"), ("subject", "economics"), ("subject", "geography"),
                                    ("period", "month")])
    assert resp.status == 200
    assert await resp.json() == {"limit": 5, "subjects": ["economics", "geography"], "period": "month"}
    default = await client.get("/api/v1/stats/leaderboard")
    assert await default.json() == {"limit": 10, "subjects": [], "period": "week"}


async def test_invalid_query_answers_422_located_in_query(client):
    resp = await client.get("/api/v1/stats/leaderboard?limit=500&period=year")
    assert resp.status == 422
    assert [e["loc"] for e in (await resp.json())["errors"]] == ["query.limit", "query.period"]


async def test_path_parameters_are_typed(client):
    resp = await client.patch("/api/v1/questions/42", json={"text": "New"}, headers=ADMIN)
    assert resp.status == 200
    assert await resp.json() == {"id": 42, "text": "New"}
    bad = await client.patch("/api/v1/questions/abc", json={"text": "New"}, headers=ADMIN)
    assert bad.status == 422
    assert [e["loc"] for e in (await bad.json())["errors"]] == ["path.question_id"]


async def test_204_has_an_empty_body(client):
    resp = await client.delete("/api/v1/questions/7", headers=ADMIN)
    assert resp.status == 204
    assert await resp.read() == b""


async def test_a_handler_may_return_its_own_response(client):
    resp = await client.get("/api/v1/export", headers={"Authorization": "Bearer user-token"})
    assert resp.status == 200
    assert resp.content_type == "text/csv"
    assert resp.headers["Content-Disposition"] == 'attachment; filename="answers.csv"'
    assert await resp.read() == b"id,answer\n1,a\n"


class Thing(BaseModel):
    x: int


def test_declared_inputs_must_match_the_handler():
    api = ApiSpec("T", "1", "/t")
    with pytest.raises(TypeError, match="`body` is declared"):
        @api.post("/a", body=Thing)
        async def ignores_body(request): ...
    with pytest.raises(TypeError, match="`query` is not declared"):
        @api.get("/b")
        async def takes_undeclared(request, query): ...
    with pytest.raises(TypeError, match="not declared auth=True"):
        @api.get("/c")
        async def wants_principal(request, principal): ...
    with pytest.raises(TypeError, match="unknown parameters"):
        @api.get("/d")
        async def odd(request, user): ...


def test_operation_ids_are_unique_per_spec():
    api = ApiSpec("T", "1", "/t")

    @api.get("/a", operation_id="same")
    async def first(request): ...

    with pytest.raises(ValueError, match="already used"):
        @api.get("/b", operation_id="same")
        async def second(request): ...


def test_a_repeated_scalar_query_parameter_is_refused_not_cut_to_its_first_value():
    from multidict import MultiDict
    from pydantic import BaseModel

    from app.http.binding import query_values

    class Query(BaseModel):
        limit: int = 10
        tags: list[str] = []

    values = query_values(MultiDict([("limit", "1"), ("limit", "2"), ("tags", "a"), ("tags", "b")]), Query)
    assert values == {"limit": ["1", "2"], "tags": ["a", "b"]}
    assert query_values(MultiDict([("limit", "3"), ("tags", "a")]), Query) == {"limit": "3", "tags": ["a"]}
