"""Relayed events for a bulk subscriber (one that handles EventBatch): gathered for a few
milliseconds, delivered as one message, settled when the subscriber's ack says they are stored."""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import Any

from actors.outbox.flight import Flight
from actors.outbox.messages import EventBatch
from actors.outbox.options import RelayOptions
from actors.runtime import ActorError, ActorRef

Settle = Callable[[Flight, str, BaseException | None], None]


class BulkOutlet:
    def __init__(self, ref: ActorRef, options: RelayOptions, settle: Settle) -> None:
        self._ref = ref
        self._options = options
        self._settle = settle
        self._flights: list[Flight] = []
        self._timer: asyncio.TimerHandle | None = None

    def add(self, flight: Flight) -> None:
        self._flights.append(flight)
        if len(self._flights) >= self._options.batch_max:
            self.flush_now()
        elif self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self._options.batch_linger, self.flush_now)

    def flush_now(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if not self._flights:
            return
        flights, self._flights = self._flights, []
        name = self._ref.name
        try:
            reply = self._ref.deliver(EventBatch(events=tuple(f.event for f in flights),
                                                 event_ids=tuple(f.event_id for f in flights),
                                                 written_at=tuple(f.created_at for f in flights)))
        except ActorError as error:
            self._settle_all(flights, error)
            return
        reply.add_done_callback(partial(self._replied, flights, name))

    def _replied(self, flights: list[Flight], name: str, reply: asyncio.Future[Any]) -> None:
        if reply.cancelled() or reply.exception() is not None:
            self._settle_all(flights, reply.exception() if not reply.cancelled() else asyncio.CancelledError())
            return
        ack = reply.result()
        if ack is None:
            self._settle_all(flights, None)
        else:  # an asyncio.Future that completes once the events are stored for good
            ack.add_done_callback(partial(self._acked, flights))

    def _acked(self, flights: list[Flight], ack: asyncio.Future[Any]) -> None:
        if ack.cancelled():
            self._settle_all(flights, asyncio.CancelledError())
        else:
            self._settle_all(flights, ack.exception())

    def _settle_all(self, flights: list[Flight], error: BaseException | None) -> None:
        for flight in flights:
            self._settle(flight, self._ref.name, error)
