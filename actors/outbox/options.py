"""The relay's knobs; the defaults suit production, tests shorten them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RelayOptions:
    poll_interval: float = 1.0  # how often the poller looks for free rows when nobody wakes it
    claim_size: int = 200  # rows per claim
    max_in_flight: int = 5000  # the poller claims nothing more while this many are being delivered
    flush_interval: float = 0.02  # done rows are deleted in batches, at most this late
    batch_linger: float = 0.005  # an event for a bulk subscriber waits this long for company
    batch_max: int = 500
    retry_first: float = 0.5  # seconds before the first retry of a failed delivery; doubles
    retry_max: float = 60.0
    max_attempts: int = 10  # failures that are not transient before a row is marked dead
    status_interval: float = 10.0  # an OutboxStatus event for the dashboard this often
    liveness_interval: float = 1.0  # how often the instance lock is checked (lost when PostgreSQL restarts)
