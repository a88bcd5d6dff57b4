"""The relay's life beside the actor system: its tasks (poller, writes, liveness, status) and the
order of its start and stop.

    async with running_relay(system, database, instance) as relay:
        ...  # the system started inside; stopped inside before this block ends

At start the instance takes its liveness lock (storage/postgres/instance_lock.py): from then on
its claims are its own, and the moment it dies they are free for every other instance. The poller
then catches up with every free row, those of a crashed earlier life included. At stop (after the
actors drained), the deliveries in flight settle and the last done rows are deleted before the
pool closes.
"""
from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from loguru import logger

from actors.outbox.messages import OutboxStatus, RelayStatus
from actors.outbox.options import RelayOptions
from actors.outbox.poller import poll
from actors.outbox.relay import Relay
from actors.runtime import ActorSystem
from actors.runtime.waking import Ticker
from storage.postgres import Database, StoreUnavailable
from storage.postgres.instance_lock import InstanceLock
from storage.postgres.outbox_repo import OutboxRepository

SETTLE_SECONDS = 5.0
STOP_GRACE_SECONDS = 5.0


class RunningRelay:
    def __init__(self, relay: Relay, database: Database) -> None:
        self.relay = relay
        self._database = database
        self._lock = InstanceLock(database.dsn)
        self._repo = OutboxRepository()
        self.state = "starting"
        self.liveness = Ticker(relay.options.liveness_interval)
        self.reporting = Ticker(relay.options.status_interval)

    async def status(self) -> RelayStatus:
        relay = self.relay
        backlog = dead = lag = None
        try:
            async with self._database.autocommit() as tx:
                row = await self._repo.status(tx)
            backlog, dead = row.backlog, row.dead
            lag = round((row.now - row.oldest).total_seconds(), 3) if row.oldest else 0.0
        except StoreUnavailable:
            pass
        return RelayStatus(state=self.state, instance=relay.instance, key=relay.key, backlog=backlog, dead=dead,
                           lag_seconds=lag, in_flight=relay.in_flight, relayed=relay.relayed, retried=relay.retried)

    async def take_lock(self) -> None:
        """Until PostgreSQL answers (the service starts after its migrations, so it normally does)."""
        while not self.liveness.stopped:
            try:
                self.relay.attach(await self._lock.acquire())
                self.state = "running"
                return
            except StoreUnavailable:
                await self.liveness.wait(self.relay.options.poll_interval)

    async def keep_alive(self) -> None:
        """A restarted PostgreSQL drops every lock: take a new key (the old claims are free then)."""
        while await self.liveness.wait():
            if not await self._lock.held():
                logger.warning("outbox: the instance lock was lost (PostgreSQL restarted?); taking a new one")
                await self._lock.release()
                await self.take_lock()

    async def report(self, system: ActorSystem) -> None:
        """An OutboxStatus event now and then: the Reliability dashboard charts backlog and lag."""
        while await self.reporting.wait():
            status = await self.status()
            if status.backlog is None:
                continue
            await system.publish(OutboxStatus(
                backlog=status.backlog, dead=status.dead or 0, lag_seconds=status.lag_seconds or 0.0,
                in_flight=status.in_flight, relayed=status.relayed, retried=status.retried, at=datetime.now(UTC)))

    async def release_lock(self) -> None:
        await self._lock.release()


@asynccontextmanager
async def running_relay(system: ActorSystem, database: Database, instance: str,
                        options: RelayOptions | None = None) -> AsyncIterator[RunningRelay]:
    relay = Relay(system, database, instance, options)
    running = RunningRelay(relay, database)
    await running.take_lock()
    loops = {"poller": (relay.poll_ticker, poll(relay, database)), "liveness": (running.liveness, running.keep_alive()),
             "status": (running.reporting, running.report(system))}
    tasks = {name: asyncio.create_task(coro, name=f"outbox-{name}") for name, (_, coro) in loops.items()}
    writes = asyncio.create_task(relay.writes().run(), name="outbox-writes")
    try:
        yield running
    finally:
        running.state = "stopped"
        relay.detach()
        for ticker, _ in loops.values():
            ticker.stop()
        await _ended(tasks.values())
        if not await relay.settled(SETTLE_SECONDS):
            logger.warning("outbox: {} deliveries did not settle at stop; they are relayed at the next start",
                           relay.in_flight)
        relay.writes().ticker.stop()
        await _ended([writes])
        if not await relay.writes().flush():
            logger.warning("outbox: the last done rows were not deleted; they are relayed once more later")
        await running.release_lock()


async def _ended(tasks: Iterable[asyncio.Task[None]]) -> None:
    """Stopped loops finish their round; one stuck past the grace is cancelled (it does no harm)."""
    tasks = list(tasks)
    _, late = await asyncio.wait(tasks, timeout=STOP_GRACE_SECONDS)
    for task in late:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
