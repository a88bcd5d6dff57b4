"""Registration, login, logout over real HTTP, with the bad-input table of issue #3."""
from __future__ import annotations

import asyncio

import pytest

from tests.e2e.api.helpers import PASSWORD, bearer, login, new_email, problem, register, registered_token


async def test_register_login_me_logout(http):
    email = new_email()
    user = await register(http, email=email.upper(), display_name="  Аня   Петрова ")
    assert user["email"] == email and user["display_name"] == "Аня Петрова"
    assert user["grade"] == "9" and user["locale"] == "ru" and user["telegram_linked"] is False
    assert "password" not in str(user) and "hash" not in str(user)

    async with http.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD}) as response:
        assert response.status == 200
        token = await response.json()
    assert token["token_type"] == "bearer" and token["access_token"].startswith("apo_") and token["expires_at"]

    async with http.get("/api/v1/me", headers=bearer(token["access_token"])) as response:
        assert response.status == 200
        assert (await response.json())["id"] == user["id"]

    async with http.post("/api/v1/auth/logout", headers=bearer(token["access_token"])) as response:
        assert response.status == 204
    async with http.get("/api/v1/me", headers=bearer(token["access_token"])) as response:
        body = await problem(response, 401)
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert "request_id" in body


async def test_tokens_are_stored_hashed(http, empty_database):
    import aiopg

    _, token = await registered_token(http)
    async with aiopg.connect(empty_database) as conn, conn.cursor() as cur:
        await cur.execute("SELECT token_hash FROM api_tokens")
        stored = [bytes(row[0]) for row in await cur.fetchall()]
        await cur.execute("SELECT password_hash FROM users")
        hashes = [row[0] for row in await cur.fetchall()]
    assert stored and all(token.encode() not in value for value in stored)
    assert all(h.startswith("$argon2id$") for h in hashes)


async def test_duplicate_email_is_409_case_insensitively(http):
    email = new_email()
    await register(http, email=email)
    async with http.post("/api/v1/auth/register", json={
        "email": email.upper(), "password": PASSWORD, "display_name": "B"}) as response:
        body = await problem(response, 409)
    assert body["type"].endswith("email_taken")


async def test_wrong_password_and_unknown_email_look_the_same(http):
    user = await register(http)
    async with http.post("/api/v1/auth/login", json={"email": user["email"], "password": "wrong password"}) as r1:
        wrong = await problem(r1, 401)
    async with http.post("/api/v1/auth/login", json={"email": new_email(), "password": "wrong password"}) as r2:
        unknown = await problem(r2, 401)
    assert (wrong["title"], wrong["detail"], wrong["type"]) == (unknown["title"], unknown["detail"], unknown["type"])


async def test_repeated_wrong_password_waits_a_growing_delay_with_retry_after(http):
    user = await register(http)
    statuses = []
    for _ in range(4):
        async with http.post("/api/v1/auth/login", json={"email": user["email"], "password": "nope-nope"}) as r:
            statuses.append(r.status)
            if r.status == 429:
                body = await problem(r, 429)
                retry_after = int(r.headers["Retry-After"])
    assert statuses == [401] * 3 + [429]  # two failures are free, the third makes the next wait 2 s
    assert 1 <= retry_after <= 2 and body["detail"]
    # Even the right password waits out the delay: guessing gains nothing from it.
    async with http.post("/api/v1/auth/login", json={"email": user["email"], "password": PASSWORD}) as r:
        await problem(r, 429)
    await asyncio.sleep(retry_after)
    assert await login(http, user["email"])


async def test_failures_on_many_accounts_never_refuse_a_right_password_from_that_address(http):
    """A school behind one NAT: others' mistakes (on any account) do not lock a student out."""
    student = await register(http)
    for _ in range(25):
        async with http.post("/api/v1/auth/login", json={"email": new_email(), "password": "nope-nope"}) as r:
            await problem(r, 401)
    assert await login(http, student["email"])


LONG = "я" * 65
BAD_REGISTRATIONS = [
    ("empty name", {"display_name": ""}, "body.display_name"),
    ("blank name", {"display_name": "   "}, "body.display_name"),
    ("huge name", {"display_name": LONG}, "body.display_name"),
    ("control character", {"display_name": "Аня\u0000"}, "body.display_name"),
    ("bidi override", {"display_name": "Аня\u202e"}, "body.display_name"),
    ("invalid email", {"email": "not-an-email"}, "body.email"),
    ("short password", {"password": "short"}, "body.password"),
    ("huge password", {"password": "x" * 129}, "body.password"),
    ("unknown grade", {"grade": "12"}, "body.grade"),
    ("unknown locale", {"locale": "de"}, "body.locale"),
    ("unknown field", {"is_admin": True}, "body.is_admin"),
    ("missing email", {"email": None}, "body.email"),
]


@pytest.mark.parametrize(("case", "change", "location"), BAD_REGISTRATIONS, ids=[c[0] for c in BAD_REGISTRATIONS])
async def test_bad_registration_is_422_with_field_errors(http, case, change, location):
    body = {"email": new_email(), "password": PASSWORD, "display_name": "Аня", **change}
    body = {k: v for k, v in body.items() if v is not None}
    async with http.post("/api/v1/auth/register", json=body) as response:
        problem_body = await problem(response, 422)
    assert location in [error["loc"] for error in problem_body["errors"]]
    if "password" in change:
        assert change["password"] not in await response.text()  # rejected secrets are never echoed


async def test_malformed_json_is_400(http):
    async with http.post("/api/v1/auth/login", data=b'{"email": ', headers={"Content-Type": "application/json"}) as r:
        await problem(r, 400)


async def test_wrong_content_type_is_415(http):
    async with http.post("/api/v1/auth/login", data="email=a&password=b",
                         headers={"Content-Type": "application/x-www-form-urlencoded"}) as r:
        await problem(r, 415)


async def test_one_megabyte_body_is_413(http):
    body = b'{"email": "' + b"a" * (1024 * 1024) + b'"}'
    async with http.post("/api/v1/auth/register", data=body, headers={"Content-Type": "application/json"}) as r:
        await problem(r, 413)


async def test_unknown_route_and_method_are_problems(http):
    async with http.get("/api/v1/nowhere") as r:
        await problem(r, 404)
    async with http.put("/api/v1/me") as r:
        await problem(r, 405)


@pytest.mark.parametrize("header", ["", "Bearer", "Bearer apo_unknown", "Basic dXNlcjpwYXNz", "Bearer " + "x" * 5000])
async def test_bad_tokens_are_401(http, header):
    async with http.get("/api/v1/me", headers={"Authorization": header} if header else {}) as r:
        await problem(r, 401)


async def test_concurrent_registrations_of_one_email_create_one_account(http):
    email = new_email()
    body = {"email": email, "password": PASSWORD, "display_name": "Аня"}

    async def attempt() -> tuple[int, int | None]:
        async with http.post("/api/v1/auth/register", json=body) as r:
            return r.status, (await r.json()).get("id")

    results = await asyncio.gather(*(attempt() for _ in range(4)))
    # The same request repeated is one registration: every copy gets the account it created.
    assert {status for status, _ in results} == {201} and len({user_id for _, user_id in results}) == 1
    await login(http, email)
    async with http.post("/api/v1/auth/register", json={**body, "password": "another password"}) as r:
        await problem(r, 409)
