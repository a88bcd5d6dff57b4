"""auth=True routes ask the spec's authenticator; admin=True also needs principal.is_admin."""

from __future__ import annotations

import pytest
from aiohttp import web

from app.http import ApiSpec, setup_http

PROBLEM = "application/problem+json"


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer stolen"},
                                     {"Authorization": "Basic dXNlcg=="}])
async def test_missing_or_bad_token_answers_401_with_bearer_challenge(client, headers):
    resp = await client.get("/api/v1/me", headers=headers)
    assert resp.status == 401
    assert resp.headers["WWW-Authenticate"] == "Bearer"
    problem = await resp.json(content_type=PROBLEM)
    assert problem["title"] == "Unauthorized"
    assert problem["detail"] == "A valid bearer token is required."


async def test_valid_token_reaches_the_handler_with_its_principal(client):
    resp = await client.get("/api/v1/me", headers={"Authorization": "Bearer user-token"})
    assert resp.status == 200
    assert await resp.json() == {"id": 1, "is_admin": False}


async def test_auth_is_checked_before_the_body(client):
    resp = await client.patch("/api/v1/questions/1", data=b"{not json",
                              headers={"Content-Type": "application/json"})
    assert resp.status == 401


async def test_non_admin_on_admin_route_answers_403(client):
    resp = await client.get("/admin/api/v1/mailings", headers={"Authorization": "Bearer user-token"})
    assert resp.status == 403
    problem = await resp.json(content_type=PROBLEM)
    assert problem["title"] == "Forbidden"
    assert problem["instance"] == "/admin/api/v1/mailings"


async def test_admin_passes_admin_route(client):
    resp = await client.get("/admin/api/v1/mailings", headers={"Authorization": "Bearer admin-token"})
    assert resp.status == 200
    assert await resp.json() == [{"id": 1, "text": "hello"}]


async def test_handler_raised_unauthorized_keeps_the_challenge(client):
    resp = await client.post("/api/v1/auth/login", json={"email": "a@b.c", "password": "wrong-password"})
    assert resp.status == 401
    assert resp.headers["WWW-Authenticate"] == "Bearer"
    assert (await resp.json(content_type=PROBLEM))["detail"] == "Wrong email or password."


async def test_auth_route_without_authenticator_fails_closed(aiohttp_client):
    api = ApiSpec("T", "1", "/t")

    @api.get("/secret", auth=True)
    async def secret(request):
        return {"leaked": True}

    app = web.Application()
    setup_http(app)
    api.setup(app)
    client = await aiohttp_client(app)
    resp = await client.get("/t/secret")
    assert resp.status == 500
    assert "leaked" not in await resp.text()
