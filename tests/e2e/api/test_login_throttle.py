"""The login throttle over real HTTP behind a trusted proxy (README: Security): guessing is slowed
and bounded per account, while owners and a school's shared address keep logging in."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.config import Settings
from tests.e2e.api.helpers import PASSWORD, problem, register
from tests.support.fixtures_app import make_settings


@pytest.fixture
def app_settings(empty_database: str, tmp_path: Path) -> Settings:
    return make_settings(empty_database, tmp_path, trusted_proxies="127.0.0.1")


def via(address: str) -> dict[str, str]:
    return {"X-Forwarded-For": f"198.51.100.250, {address}"}  # the left hop is the client's own claim


async def attempt(http, email: str, password: str, address: str) -> int:
    async with http.post("/api/v1/auth/login", json={"email": email, "password": password},
                         headers=via(address)) as response:
        return response.status


async def test_an_attack_from_many_addresses_gets_ten_guesses_and_the_owner_still_logs_in(http):
    owner = await register(http)  # registered through 127.0.0.1 itself, the peer
    async with http.post("/api/v1/auth/register", headers=via("203.0.113.7"), json={
            "email": "owner2@example.org", "password": PASSWORD, "display_name": "Боря"}) as r:
        assert r.status == 201
    email = "owner2@example.org"
    statuses = [await attempt(http, email, f"guess {i}", f"192.0.2.{i}") for i in range(30)]
    assert statuses == [401] * 10 + [429] * 20
    # A new address waits even with the right password: it might be the guesser's eleventh try.
    assert await attempt(http, email, PASSWORD, "192.0.2.200") == 429
    # The address that registered the account is known to it and is not held back.
    assert await attempt(http, email, PASSWORD, "203.0.113.7") == 200
    assert owner  # another account is untouched
    assert await attempt(http, owner["email"], PASSWORD, "192.0.2.201") == 200


async def test_five_wrong_tries_by_someone_else_do_not_lock_the_owner_out(http):
    user = await register(http)
    for _ in range(2):
        assert await attempt(http, user["email"], "wrong password", "192.0.2.1") == 401
    for i in range(3):
        assert await attempt(http, user["email"], "wrong password", f"192.0.2.{10 + i}") == 401
    assert await attempt(http, user["email"], PASSWORD, "198.51.100.77") == 200  # a café, never failed


async def test_forty_students_behind_one_nat_log_in_even_after_mistakes(http):
    nat = "203.0.113.99"
    students = []
    for i in range(40):
        async with http.post("/api/v1/auth/register", headers=via(f"10.9.0.{i}"), json={
                "email": f"pupil{i}@school.example", "password": PASSWORD, "display_name": f"Ученик {i}"}) as r:
            assert r.status == 201
            students.append((await r.json())["email"])
    for email in students[:25]:  # a lesson's start: every other one mistypes once
        assert await attempt(http, email, "wrong password", nat) == 401
    assert [await attempt(http, email, PASSWORD, nat) for email in students] == [200] * 40


async def test_x_forwarded_for_from_an_untrusted_peer_is_ignored(empty_database, tmp_path):
    from aiohttp.test_utils import TestServer

    from app.main import create_app

    server = TestServer(create_app(make_settings(empty_database, tmp_path / "other")), host="127.0.0.1")
    await server.start_server()
    try:
        import aiohttp

        async with aiohttp.ClientSession(base_url=str(server.make_url("/"))) as http:
            user = await register(http)
            statuses = [await attempt(http, user["email"], "wrong password", f"192.0.2.{i}") for i in range(4)]
    finally:
        await server.close()
    assert statuses == [401, 401, 401, 429]  # all from 127.0.0.1: one pair, whatever the header says


async def test_the_pair_delay_is_told_in_retry_after(http):
    user = await register(http)
    for _ in range(3):
        await attempt(http, user["email"], "wrong password", "192.0.2.5")
    async with http.post("/api/v1/auth/login", json={"email": user["email"], "password": PASSWORD},
                         headers=via("192.0.2.5")) as r:
        body = await problem(r, 429)
        assert r.headers["Retry-After"] in ("1", "2") and "try again" in body["detail"]
