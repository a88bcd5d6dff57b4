"""Every error, ours or aiohttp's or unexpected, leaves as RFC 9457 problem+json."""

from __future__ import annotations

import json

import pytest
from aiohttp.test_utils import make_mocked_request
from pydantic import BaseModel, ValidationError

from app.http import (
    ErrorMappers,
    ProblemError,
    ServiceUnavailable,
    TooManyRequests,
    ValidationFailed,
)
from app.http.problem_response import problem_response

PROBLEM = "application/problem+json"


async def test_unknown_route_answers_404_problem(client):
    resp = await client.get("/api/v1/nowhere", headers={"X-Request-Id": "abc-123"})
    assert resp.status == 404
    assert resp.content_type == PROBLEM
    assert await resp.json() == {"type": "about:blank", "title": "Not Found", "status": 404,
                                 "instance": "/api/v1/nowhere", "request_id": "abc-123"}


async def test_wrong_method_answers_405_problem_with_allow(client):
    resp = await client.put("/api/v1/me")
    assert resp.status == 405
    assert resp.content_type == PROBLEM
    assert resp.headers["Allow"] == "GET"
    problem = await resp.json()
    assert (problem["title"], problem["status"]) == ("Method Not Allowed", 405)


async def test_too_many_requests_sends_retry_after_in_whole_seconds(client):
    resp = await client.get("/api/v1/limited")
    assert resp.status == 429
    assert resp.headers["Retry-After"] == "3"  # 2.5 s rounded up: never invite an early retry
    assert (await resp.json(content_type=PROBLEM))["detail"] == "Slow down."


async def test_registered_domain_exception_maps_to_503(client, log_records):
    resp = await client.get("/api/v1/busy")
    assert resp.status == 503
    assert resp.headers["Retry-After"] == "1"
    problem = await resp.json(content_type=PROBLEM)
    assert problem["type"] == "https://apo-trainer.dev/problems/busy"
    assert problem["title"] == "Service busy"
    assert "detail" not in problem  # detail_from_exc=False: the internal message stays inside
    assert any("ActorBusy" in r["message"] and r["level"].name == "WARNING" for r in log_records)


async def test_unexpected_exception_answers_500_without_internals(client, log_records):
    resp = await client.get("/api/v1/boom", headers={"X-Request-Id": "req-500"})
    assert resp.status == 500
    text = await resp.text()
    for leak in ("hunter2", "Traceback", "RuntimeError", "leaked", "raise "):
        assert leak not in text
    problem = await resp.json(content_type=PROBLEM)
    assert problem["title"] == "Internal Server Error"
    assert problem["request_id"] == "req-500"
    errors = [r for r in log_records if r["level"].name == "ERROR"]
    assert len(errors) == 1
    assert errors[0]["exception"] is not None and "req-500" in errors[0]["message"]
    assert errors[0]["extra"]["request_id"] == "req-500"


async def test_malformed_json_read_by_a_plain_handler_answers_400(client):
    resp = await client.post("/raw-json", data=b"{oops", headers={"Content-Type": "application/json"})
    assert resp.status == 400
    assert (await resp.json(content_type=PROBLEM))["detail"] == "The request body is not valid JSON."


async def test_client_max_size_413_from_aiohttp_is_a_problem(client):
    resp = await client.post("/raw-json", data=b"x" * (1024 * 1024 + 1))
    assert resp.status == 413
    problem = await resp.json(content_type=PROBLEM)
    assert problem["status"] == 413
    assert "1048576" in problem["detail"]


def test_extensions_cannot_overwrite_standard_members():
    problem = ProblemError(409, "Conflict", "taken", type_="taken",
                           extensions={"status": 200, "field": "email"})
    request = make_mocked_request("POST", "/api/v1/users?token=secret")
    resp = problem_response(request, problem)
    assert json.loads(resp.body) == {"type": "https://apo-trainer.dev/problems/taken", "title": "Conflict",
                                     "status": 409, "detail": "taken", "instance": "/api/v1/users",
                                     "request_id": None, "field": "email"}


def test_validation_failed_from_pydantic_locates_nested_fields():
    class Inner(BaseModel):
        n: int

    class Outer(BaseModel):
        items: list[Inner]

    with pytest.raises(ValidationError) as caught:
        Outer.model_validate({"items": [{"n": 1}, {"n": "x"}]})
    failed = ValidationFailed.from_pydantic(caught.value, "body")
    assert failed.status == 422
    assert failed.extensions["errors"] == [
        {"loc": "body.items.1.n", "type": "int_parsing",
         "msg": "Input should be a valid integer, unable to parse string as an integer"}]
    assert failed.detail == "1 invalid field in body"


def test_error_mappers_follow_inheritance_and_reject_success_statuses():
    class DomainError(Exception): ...
    class NotEnrolled(DomainError): ...

    mappers = ErrorMappers()
    mappers.register(DomainError, 409, "Domain conflict", "domain", detail_from_exc=True)
    problem = mappers.problem_for(NotEnrolled("not enrolled in geography"))
    assert (problem.status, problem.detail, problem.type) == (
        409, "not enrolled in geography", "https://apo-trainer.dev/problems/domain")
    assert mappers.problem_for(ValueError("x")) is None
    with pytest.raises(ValueError):
        mappers.register(KeyError, 200, "fine")


def test_status_classes_carry_their_headers():
    assert TooManyRequests(retry_after=0.2).headers == {"Retry-After": "1"}
    assert ServiceUnavailable().headers == {}
    assert ServiceUnavailable(retry_after=30).headers == {"Retry-After": "30"}
