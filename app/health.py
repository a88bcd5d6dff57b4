"""Liveness and readiness: /healthz says the process runs, /readyz says it can serve."""
from __future__ import annotations

import asyncio

from aiohttp import web

from app.keys import ACTORS, ANALYTICS, PROBES, RELAY, Probe

PROBE_TIMEOUT_SECONDS = 2.0


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    probes = request.app[PROBES]
    results = await asyncio.gather(*(_run_probe(probe) for probe in probes.values()))
    stores = {name: ("ok" if ok else "down") for name, ok in zip(probes, results)}
    actors = request.app[ACTORS].health()
    ready = all(results) and actors["healthy"]
    body = {"status": "ready" if ready else "not ready", "stores": stores, "actors": actors["actors"]}
    if (relay := request.app.get(RELAY)) is not None:
        # Informational too: a backlog means late statistics, not lost ones (the rows wait).
        try:
            body["outbox"] = (await asyncio.wait_for(relay.status(), PROBE_TIMEOUT_SECONDS)).model_dump()
        except TimeoutError:
            body["outbox"] = {"state": "unknown", "error": "TimeoutError"}
    if (analytics := request.app.get(ANALYTICS)) is not None:
        # Informational: a missing ClickHouse means "spooling", never "not ready".
        body["analytics"] = {**await analytics.readiness(), "affects_readiness": False}
    return web.json_response(body, status=200 if ready else 503)


async def _run_probe(probe: Probe) -> bool:
    try:
        return await asyncio.wait_for(probe(), PROBE_TIMEOUT_SECONDS)
    except Exception:  # a probe that fails in any way means "not reachable"
        return False


def setup_health_routes(app: web.Application) -> None:
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
