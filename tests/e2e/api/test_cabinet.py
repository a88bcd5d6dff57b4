"""The personal cabinet over REST: profile edits and Telegram link codes."""
from __future__ import annotations

import aiopg
import pytest

from tests.e2e.api.helpers import bearer, problem, registered_token


async def test_patch_me_changes_only_given_fields(http):
    user, token = await registered_token(http)
    async with http.patch("/api/v1/me", json={"grade": "11", "locale": "en"}, headers=bearer(token)) as r:
        assert r.status == 200
        changed = await r.json()
    assert (changed["grade"], changed["locale"], changed["display_name"]) == ("11", "en", user["display_name"])
    async with http.get("/api/v1/me", headers=bearer(token)) as r:
        assert (await r.json())["grade"] == "11"  # not a stale cached profile


@pytest.mark.parametrize("body", [{"display_name": ""}, {"display_name": "x\u0007"}, {"grade": "teacher1"},
                                  {"locale": "fr"}, {"email": "new@example.org"}, {"is_admin": True},
                                  {"grade": None}, {"display_name": None}, {"locale": None}])
async def test_bad_patch_is_422_and_changes_nothing(http, body):
    user, token = await registered_token(http)
    async with http.patch("/api/v1/me", json=body, headers=bearer(token)) as r:
        await problem(r, 422)
    async with http.get("/api/v1/me", headers=bearer(token)) as r:
        assert await r.json() == user


async def test_patch_me_needs_a_token(http):
    async with http.patch("/api/v1/me", json={"grade": "5"}) as r:
        await problem(r, 401)


async def test_telegram_link_code_without_a_configured_bot_has_no_deep_link(http):
    _, token = await registered_token(http)
    async with http.post("/api/v1/me/telegram-link", headers=bearer(token)) as r:
        assert r.status == 201
        link = await r.json()
    assert len(link["code"]) == 10 and link["deep_link"] is None and link["expires_at"]


async def test_link_codes_are_stored_hashed(http, empty_database):
    _, token = await registered_token(http)
    async with http.post("/api/v1/me/telegram-link", headers=bearer(token)) as r:
        code = (await r.json())["code"]
    async with aiopg.connect(empty_database) as conn, conn.cursor() as cur:
        await cur.execute("SELECT code_hash FROM telegram_link_codes")
        (stored,), = await cur.fetchall()
    assert code.encode() not in bytes(stored)
