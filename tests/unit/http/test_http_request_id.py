"""Request ids: echoed when sane, generated otherwise, in logs and in the actor trace."""

from __future__ import annotations

import re

import pytest
from aiohttp import web

from actors.runtime import TRACE
from app.http import REQUEST_ID_KEY, setup_http

HEX32 = re.compile(r"[0-9a-f]{32}")


async def test_sane_request_id_is_echoed(client):
    resp = await client.get("/api/v1/stats/leaderboard", headers={"X-Request-Id": "client.req_42-A"})
    assert resp.headers["X-Request-Id"] == "client.req_42-A"


@pytest.mark.parametrize("incoming", [None, "", "x" * 65, "evil\tinjected", "a b", "ключ"])
async def test_missing_or_insane_request_id_is_replaced(client, incoming):
    headers = {} if incoming is None else {"X-Request-Id": incoming}
    resp = await client.get("/api/v1/stats/leaderboard", headers=headers)
    assert HEX32.fullmatch(resp.headers["X-Request-Id"])


async def test_request_id_is_on_problems_and_handler_sees_it(client):
    resp = await client.post("/raw-json", json={"a": 1}, headers={"X-Request-Id": "rid-1"})
    assert await resp.json() == {"got": {"a": 1}, "request_id": "rid-1"}
    problem = await client.get("/nowhere", headers={"X-Request-Id": "rid-2"})
    assert problem.headers["X-Request-Id"] == "rid-2"
    assert (await problem.json(content_type="application/problem+json"))["request_id"] == "rid-2"


async def test_actor_trace_is_set_for_the_handler_and_reset(aiohttp_client):
    seen = {}

    async def handler(request):
        seen.update(TRACE.get())
        return web.Response(text=request[REQUEST_ID_KEY])

    app = web.Application()
    setup_http(app)
    app.router.add_get("/t", handler)
    client = await aiohttp_client(app)
    resp = await client.get("/t", headers={"X-Request-Id": "trace-me"})
    assert await resp.text() == "trace-me"
    assert seen == {"request_id": "trace-me", "channel": "api"}
    assert "request_id" not in TRACE.get()


async def test_access_log_has_route_pattern_status_and_no_secrets(client, log_records):
    await client.patch("/api/v1/questions/31337", json={"text": "top-secret-body"},
                       headers={"Authorization": "Bearer admin-token", "X-Request-Id": "log-1"})
    access = [r for r in log_records if r["level"].name == "INFO"]
    assert len(access) == 1
    message = access[0]["message"]
    assert message.startswith("PATCH /api/v1/questions/{question_id} 200 ")
    assert message.endswith(" ms")
    assert access[0]["extra"]["request_id"] == "log-1"
    everything = " ".join(str(r["message"]) + str(r["extra"]) for r in log_records)
    for secret in ("admin-token", "top-secret-body", "31337"):
        assert secret not in everything


async def test_access_log_of_unmatched_route(client, log_records):
    await client.get("/api/v1/users/12345")
    access = [r["message"] for r in log_records if r["level"].name == "INFO"]
    assert access[0].startswith("GET <unmatched> 404 ")
