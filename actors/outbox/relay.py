"""The relay: delivers outbox rows to their subscribers and deletes each row once all applied it.

Two ways in, one way of delivering:
- the fast path: a transaction that recorded events hands them over right after its COMMIT
  (Database.relay_to). A row this instance claimed when writing it is delivered at once, before the
  writer's handler replies, so a user's next question already sees the answer counted;
- the poller (poller.py): free rows (written elsewhere, released after a failure, or left by an
  instance that died) are claimed in id order and delivered the same way.

A delivery waits for every subscriber's handler (and, for a bulk subscriber, for its ack that the
events are stored). Then the row is deleted, in batches. A failure releases the row for a retry
with backoff, for the subscribers that failed only; subscribers are idempotent per event (attempt
ids, the event_id), so a redelivery after a crash applies nothing twice.
"""
from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import replace
from collections.abc import Sequence
from datetime import datetime
from functools import partial
from typing import Any
from uuid import UUID

from loguru import logger

from actors.outbox.bulk import BulkOutlet
from actors.outbox.event_types import event_types
from actors.outbox.flight import Flight
from actors.outbox.messages import EventBatch
from actors.outbox.options import RelayOptions
from actors.outbox.writes import RelayWrites
from actors.runtime import ActorError, ActorRef, ActorSystem, Event, trace_scope
from actors.runtime.waking import Ticker
from storage.postgres import Database
from storage.postgres.tx import OutboxConfig, RecordedEvent


class Relay:
    def __init__(self, system: ActorSystem, database: Database, instance: str,
                 options: RelayOptions | None = None) -> None:
        self.instance = instance  # for people: host:port
        self.key: int | None = None  # for PostgreSQL: claimed_by, held as this instance's lock
        self.options = options or RelayOptions()
        self._system = system
        self._database = database
        self._flights: dict[int, Flight] = {}
        self._writes = RelayWrites(database, self.options)
        self._bulk: dict[str, BulkOutlet] = {}
        self._polled: Counter[int] = Counter()  # user keys with a polled row in flight
        self._types: dict[str, type[Event]] = {}
        self.poll_ticker = Ticker(self.options.poll_interval)  # woken when a free row is waiting
        self.relayed = 0
        self.retried = 0

    @property
    def in_flight(self) -> int:
        return len(self._flights)

    def held_ids(self) -> list[int]:
        """The rows this instance holds: being delivered, or done or failed and not written back yet."""
        return [*self._flights, *self._writes.unwritten_ids()]

    def event_type(self, name: str) -> type[Event] | None:
        if not self._types:
            self._types = event_types()
        return self._types.get(name)

    def writes(self) -> RelayWrites:
        return self._writes

    def attach(self, key: int) -> None:
        """From now on this instance claims (as `key`) and delivers the events its transactions write."""
        self.key = key
        self._types = event_types()
        self._database.relay_to(OutboxConfig(key), self.committed)

    def detach(self) -> None:
        self._database.relay_to(OutboxConfig(), None)

    def committed(self, recorded: list[RecordedEvent]) -> None:
        """The fast path (synchronous: called right after the COMMIT)."""
        for entry in recorded:
            if entry.claimed and self._behind(entry.event.outbox_key()):
                self._writes.unclaim(entry.id)  # behind this user's row that is being retried
                entry = replace(entry, claimed=False)
            if entry.claimed:
                self.dispatch(entry.id, entry.event_id, entry.created_at, entry.event, attempts=0, only=None)
            else:  # an older row of this user is elsewhere or waits for a retry: go behind it
                self.poll_ticker.wake()

    def _behind(self, user_key: int) -> bool:
        """This user's events come through the poller for now: a row of theirs failed (its release
        is not written yet) or a polled one is being delivered. A new row goes behind them."""
        return self._writes.holding(user_key) or self._polled[user_key] > 0

    def dispatch(self, row_id: int, event_id: UUID, created_at: datetime, event: Event, *, attempts: int,
                 only: Sequence[str] | None, polled: bool = False) -> None:
        if row_id in self._flights:  # claimed again under a new lock (PostgreSQL restarted): still ours
            return
        refs = [ref for ref in self._system.subscribers_of(type(event)) if only is None or ref.name in only]
        flight = Flight(row_id, str(event_id), created_at, event, attempts, {ref.name for ref in refs}, polled)
        self._flights[row_id] = flight
        if polled:
            self._polled[event.outbox_key()] += 1
        if not refs:
            self._finish(flight)
            return
        with trace_scope(event_id=flight.event_id, user_id=event.outbox_key() or None):
            for ref in refs:
                if ref.handles_type(EventBatch):
                    self._bulk_outlet(ref).add(flight)
                    continue
                try:
                    reply = ref.deliver(event)
                except ActorError as error:  # stopped: the row stays for the next start
                    self.settle(flight, ref.name, error)
                    continue
                reply.add_done_callback(partial(self._replied, flight, ref.name))

    def _bulk_outlet(self, ref: ActorRef) -> BulkOutlet:
        outlet = self._bulk.get(ref.name)
        if outlet is None:
            outlet = self._bulk[ref.name] = BulkOutlet(ref, self.options, self.settle)
        return outlet

    def _replied(self, flight: Flight, subscriber: str, reply: asyncio.Future[Any]) -> None:
        if reply.cancelled():
            self.settle(flight, subscriber, asyncio.CancelledError())
        elif reply.exception() is not None:
            self.settle(flight, subscriber, reply.exception())
        else:
            self.settle(flight, subscriber, None)

    def settle(self, flight: Flight, subscriber: str, error: BaseException | None) -> None:
        if flight.settle(subscriber, error):
            self._finish(flight)

    def _finish(self, flight: Flight) -> None:
        del self._flights[flight.row_id]
        if flight.polled:
            self._polled[flight.event.outbox_key()] -= 1
        if not flight.failed:
            self.relayed += 1
            self._writes.done(flight.row_id)
            return
        self.retried += 1
        transient = flight.transient
        logger.bind(outbox_id=flight.row_id).warning(
            "outbox row {} ({}) not applied by {}; retrying later", flight.row_id, type(flight.event).__name__,
            flight.describe())
        self._writes.release(flight.row_id, flight.event.outbox_key(), sorted(flight.failed), flight.describe(),
                             transient=transient, attempts=flight.attempts + (0 if transient else 1))

    async def settled(self, timeout: float) -> bool:
        """Waits until nothing is in flight (a graceful stop, after the actors drained)."""
        for outlet in self._bulk.values():
            outlet.flush_now()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self._flights and loop.time() < deadline:
            await asyncio.sleep(0.01)
        return not self._flights
