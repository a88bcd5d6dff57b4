"""One outbox row being delivered: which subscribers still have to apply it, which failed."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from actors.runtime import ActorBusy, ActorStopped, AskTimeout
from storage.postgres import StoreUnavailable

# A subscriber that failed with one of these will most likely succeed later: retry without limit.
TRANSIENT = (StoreUnavailable, ActorBusy, ActorStopped, AskTimeout, TimeoutError, ConnectionError)


@dataclass
class Flight:
    row_id: int
    event_id: str  # the outbox row's: the same on every delivery, so subscribers can de-duplicate
    created_at: datetime  # when it was written: the time of an event that carries none
    event: Any
    attempts: int  # earlier failed deliveries of this row
    remaining: set[str]
    polled: bool = False  # claimed by the poller (not at its writing)
    failed: dict[str, BaseException] = field(default_factory=dict)

    def settle(self, subscriber: str, error: BaseException | None) -> bool:
        """Records one subscriber's outcome; True when it was the last one."""
        self.remaining.discard(subscriber)
        if error is not None:
            self.failed[subscriber] = error
        return not self.remaining

    @property
    def transient(self) -> bool:
        return all(isinstance(error, TRANSIENT) for error in self.failed.values())

    def describe(self) -> str:
        return "; ".join(f"{name}: {type(error).__name__}" for name, error in sorted(self.failed.items()))
