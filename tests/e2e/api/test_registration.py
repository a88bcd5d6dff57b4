"""Registration over real HTTP: throttled per address, a taken email costs the same argon2 work as a
new one, and a registration answered 503 succeeds when the client repeats it."""
from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp
import aiopg
import pytest
from aiohttp.test_utils import TestServer

from actors.users import secrets
from app.config import Settings
from app.main import create_app
from tests.e2e.api.helpers import PASSWORD, login, new_email, problem
from tests.support.fixtures_app import make_settings


@pytest.fixture
def app_settings(empty_database: str, tmp_path: Path) -> Settings:
    return make_settings(empty_database, tmp_path, trusted_proxies="127.0.0.1")


def body_for(email: str) -> dict:
    return {"email": email, "password": PASSWORD, "display_name": "Аня", "grade": "9"}


async def test_registrations_are_throttled_per_address_with_retry_after(http):
    statuses = []
    for i in range(51):
        async with http.post("/api/v1/auth/register", json=body_for(f"bot{i}@example.org"),
                             headers={"X-Forwarded-For": "192.0.2.66"}) as r:
            statuses.append(r.status)
            if r.status == 429:
                refused = await problem(r, 429)
                retry_after = int(r.headers["Retry-After"])
    assert statuses == [201] * 50 + [429]
    assert 3500 < retry_after <= 3600 and "registrations" in refused["detail"]
    async with http.post("/api/v1/auth/register", json=body_for(new_email()),
                         headers={"X-Forwarded-For": "192.0.2.67"}) as r:
        assert r.status == 201  # another address is not held back


async def test_a_taken_email_costs_the_same_argon2_work_as_a_new_one(http, monkeypatch):
    calls: list[str] = []
    real = secrets._hasher

    class Counting:
        def hash(self, password: str) -> str:
            calls.append("hash")
            return real.hash(password)

        def verify(self, password_hash: str, password: str) -> bool:
            calls.append("verify")
            return real.verify(password_hash, password)

    monkeypatch.setattr(secrets, "_hasher", Counting())
    email = new_email()
    async with http.post("/api/v1/auth/register", json=body_for(email)) as r:
        assert r.status == 201
    created = list(calls)
    calls.clear()
    async with http.post("/api/v1/auth/register", json={**body_for(email), "password": "someone else's"}) as r:
        await problem(r, 409)
    assert created == ["hash"] and calls == ["verify"]  # one argon2 operation each, of the same cost


async def test_a_registration_answered_503_succeeds_when_repeated(empty_database, tmp_path):
    # A short ask timeout makes a burst of registrations answer 503 while their work goes on.
    settings = make_settings(empty_database, tmp_path, trusted_proxies="127.0.0.1", ask_timeout_seconds=1.0)
    server = TestServer(create_app(settings), host="127.0.0.1")
    await server.start_server()
    emails = [new_email() for _ in range(64)]
    try:
        async with aiohttp.ClientSession(base_url=str(server.make_url("/"))) as http:
            async def register_once(i: int) -> int:
                async with http.post("/api/v1/auth/register", json=body_for(emails[i]),
                                     headers={"X-Forwarded-For": f"192.0.2.{i + 1}"}) as r:
                    return r.status

            first = await asyncio.gather(*(register_once(i) for i in range(len(emails))))
            unavailable = [i for i, status in enumerate(first) if status == 503]
            assert unavailable and set(first) <= {201, 503}  # the burst outran the ask timeout
            for i in unavailable:  # what a client does with a 503: the same request again
                for _ in range(30):
                    if (status := await register_once(i)) != 503:
                        break
                    await asyncio.sleep(0.5)
                assert status == 201
            assert await login(http, emails[unavailable[0]])
    finally:
        await server.close()
    async with aiopg.connect(empty_database) as conn, conn.cursor() as cur:
        await cur.execute("SELECT count(*) FROM users WHERE email = ANY(%s)", (emails,))
        assert (await cur.fetchone())[0] == len(emails)
