"""The web app's browser session: POST /auth/session puts the token in an HttpOnly, SameSite=Strict
cookie (never in the body), accepted only with X-APO-Client; DELETE /auth/session revokes it."""
from __future__ import annotations

import aiohttp

from tests.e2e.api.helpers import PASSWORD, problem, register
from tests.e2e.api.test_telegram_init_data import tma
from tests.support.telegram_init_data import sign_init_data, telegram_user

WEB = {"X-APO-Client": "web"}


async def sign_in(base_url: str, email: str) -> tuple[aiohttp.ClientSession, aiohttp.ClientResponse, dict]:
    session = aiohttp.ClientSession(base_url=base_url, cookie_jar=aiohttp.CookieJar(unsafe=True))
    response = await session.post("/api/v1/auth/session", json={"email": email, "password": PASSWORD})
    return session, response, await response.json()


async def test_the_token_lives_only_in_an_http_only_strict_cookie(http, live_app):
    user = await register(http)
    session, response, body = await sign_in(str(live_app.make_url("/")), user["email"])
    async with session:
        assert response.status == 201 and set(body) == {"expires_at"}
        cookie = response.cookies["apo_session"]
        assert cookie["httponly"] and cookie["samesite"] == "Strict" and cookie["path"] == "/api/"
        assert int(cookie["max-age"]) > 29 * 24 * 3600
        async with session.get("/api/v1/me", headers=WEB) as r:
            assert r.status == 200 and (await r.json())["email"] == user["email"]
        async with session.get("/api/v1/me") as r:  # the cookie alone, as a cross-site form would send it
            await problem(r, 401)


async def test_signing_out_revokes_the_token_for_good(http, live_app):
    user = await register(http)
    session, response, _ = await sign_in(str(live_app.make_url("/")), user["email"])
    token = response.cookies["apo_session"].value
    async with session:
        async with session.delete("/api/v1/auth/session", headers=WEB) as r:
            assert r.status == 204
            assert r.cookies["apo_session"].value == ""  # cleared in the browser
    async with http.get("/api/v1/me", headers={**WEB, "Cookie": f"apo_session={token}"}) as r:
        await problem(r, 401)  # and a copy of it no longer works


async def test_wrong_password_sets_no_cookie(http, live_app):
    user = await register(http)
    async with http.post("/api/v1/auth/session", json={"email": user["email"], "password": "wrong password"}) as r:
        await problem(r, 401)
        assert "apo_session" not in r.cookies


async def test_the_admin_api_takes_bearer_tokens_only(bot_app):
    init_data = sign_init_data(bot_app.fake.token, telegram_user(7101))
    async with bot_app.http.get("/admin/api/v1/mailings", headers=tma(init_data)) as r:
        await problem(r, 401)


async def test_an_account_without_a_password_is_deleted_on_confirmation(bot_app):
    headers = tma(sign_init_data(bot_app.fake.token, telegram_user(7102)))
    async with bot_app.http.get("/api/v1/me", headers=headers) as r:
        assert r.status == 200
    async with bot_app.http.delete("/api/v1/me", headers=headers, json={}) as r:
        assert r.status == 204, await r.text()
    await bot_app.user(7102).send("/start")  # the bot no longer knows this person
    assert "имя" in (await bot_app.fake.next_message(7102)).plain_text.lower()


async def test_an_account_with_a_password_needs_it_to_be_deleted(http, live_app):
    user = await register(http)
    session, _, _ = await sign_in(str(live_app.make_url("/")), user["email"])
    async with session:
        async with session.delete("/api/v1/me", headers=WEB, json={}) as r:
            body = await problem(r, 422)
        assert body["errors"][0]["loc"] == "body.password"
        async with session.get("/api/v1/me", headers=WEB) as r:
            assert r.status == 200
