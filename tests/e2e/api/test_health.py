"""/healthz and /readyz against a real PostgreSQL."""
from __future__ import annotations

import asyncio

import aiopg

from actors.runtime import Actor, SupervisorPolicy
from app.keys import ACTORS
from tests.e2e.api.helpers import bearer, problem, registered_token


async def test_healthz_answers_while_the_process_runs(http):
    async with http.get("/healthz") as response:
        assert response.status == 200
        assert await response.json() == {"status": "ok"}


async def test_readyz_reports_each_store_and_actor(http):
    async with http.get("/readyz") as response:
        body = await response.json()
        assert response.status == 200, body
    assert body["status"] == "ready"
    assert body["stores"]["postgres"] == "ok"
    assert {"users", "auth", "sessions", "training", "bank"} <= set(body["actors"])
    assert all(actor["alive"] for actor in body["actors"].values())


async def test_readyz_is_503_while_postgres_refuses_connections(http, empty_database, postgres_server):
    name = empty_database.rsplit("/", 1)[1]
    _, token = await registered_token(http)
    async with aiopg.connect(postgres_server) as conn, conn.cursor() as cur:
        await cur.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        await cur.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
    try:
        async with http.get("/readyz") as response:
            body = await response.json()
            assert response.status == 503
            assert body["stores"]["postgres"] == "down"
        async with http.get("/api/v1/me", headers=bearer(token)) as response:
            outage = await problem(response, 503)
            assert response.headers["Retry-After"] == "1" and "Traceback" not in str(outage)
    finally:
        async with aiopg.connect(postgres_server) as conn, conn.cursor() as cur:
            await cur.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    # The pool heals by itself: no restart of the app.
    for _ in range(50):
        async with http.get("/readyz") as response:
            if response.status == 200:
                break
        await asyncio.sleep(0.1)
    assert response.status == 200
    async with http.get("/api/v1/me", headers=bearer(token)) as response:
        assert response.status == 200


class NeverStarts(Actor):
    async def on_start(self) -> None:
        raise RuntimeError("cannot open what it owns")


async def test_readyz_names_an_actor_whose_restart_budget_is_spent(http, live_app):
    system = live_app.app[ACTORS]
    system.spawn("broken", NeverStarts, policy=SupervisorPolicy(max_restarts=2, within_seconds=60,
                                                                backoff_initial=0.01, backoff_max=0.01))
    for _ in range(100):
        if not system.health()["healthy"]:
            break
        await asyncio.sleep(0.02)
    async with http.get("/readyz") as response:
        body = await response.json()
        assert response.status == 503
    assert body["actors"]["broken"]["healthy"] is False
    assert body["actors"]["broken"]["restarts"] == 2
    assert body["actors"]["users"]["healthy"] is True


async def test_readyz_stays_200_while_clickhouse_is_away_and_says_analytics_do_not_count(empty_database, tmp_path):
    """Analytics never block users: ClickHouse is reported under `analytics`, not among the stores."""
    import aiohttp
    from aiohttp.test_utils import TestServer

    from app.main import create_app
    from tests.support.fixtures_app import make_settings
    from tests.support.live_process import free_port

    away = f"http://127.0.0.1:{free_port()}/apo"
    server = TestServer(create_app(make_settings(empty_database, tmp_path, clickhouse_url=away)), host="127.0.0.1")
    await server.start_server()
    try:
        async with aiohttp.ClientSession() as http, http.get(server.make_url("/readyz")) as response:
            body = await response.json()
            assert response.status == 200, body
    finally:
        await server.close()
    assert "clickhouse" not in body["stores"]
    assert body["analytics"]["affects_readiness"] is False and body["analytics"]["clickhouse"] != "ok"
