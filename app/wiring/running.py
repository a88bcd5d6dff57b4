"""A running actor system with its events flowing: the subscriptions from the one table, the outbox
relay around the system's life, start and graceful stop in DESIGN §3's order.

    async with running_system(system, database, instance="host:8080") as relay:
        ...  # everything spawned is started; at the end the mailboxes drain, then the relay settles
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from actors.outbox.options import RelayOptions
from actors.outbox.running import RunningRelay, running_relay
from actors.runtime import ActorSystem
from app.wiring.subscriptions import subscribe
from storage.postgres import Database

DRAIN_TIMEOUT_SECONDS = 10.0


@asynccontextmanager
async def running_system(system: ActorSystem, database: Database, *, instance: str,
                         relay: RelayOptions | None = None,
                         drain_timeout: float = DRAIN_TIMEOUT_SECONDS) -> AsyncIterator[RunningRelay]:
    subscribe(system)
    async with running_relay(system, database, instance, relay) as running:
        await system.start()
        try:
            yield running
        finally:
            await system.stop(drain_timeout=drain_timeout)
