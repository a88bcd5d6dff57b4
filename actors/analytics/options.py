"""Tuning of the analytics pipeline. Production uses the defaults; tests shrink the intervals."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AnalyticsOptions:
    # Rows that fill a buffer, which then goes to the sender at once. ClickHouse pays a fixed cost per
    # insert, however small (18.16 here: 1,000 rows took 30 ms, 25,000 rows 60 ms).
    batch_size: int = 5000
    flush_interval: float = 2.0  # seconds a non-empty buffer may wait before it is sent anyway
    max_insert_rows: int = 10_000  # batches that queued during an insert leave merged, up to this
    max_pending_rows: int = 20_000  # rows queued for the sender (~1 KB each); beyond, batches spool
    retry_attempts: int = 3  # inserts per batch before ClickHouse counts as down
    retry_backoff: float = 0.2  # first retry delay, doubled per retry
    retry_backoff_max: float = 5.0
    probe_interval: float = 5.0  # while down: how often to ask ClickHouse whether it is back
    status_interval: float = 60.0  # how often an `analytics_status` row records the counters
    insert_timeout: float = 10.0  # one ClickHouse request, dedupe query included
    stop_timeout: float = 5.0  # a graceful stop sends what it can within this, then spools the rest
    spool_max_bytes: int = 256 * 1024 * 1024
    log_level: str = "WARNING"  # log records at this level and above go to the `logs` table
    mailbox_size: int = 10_000
    late_records_max: int = 10_000  # records that arrive after the actor stopped, spooled at exit

    def __post_init__(self) -> None:
        if self.batch_size < 1 or self.max_insert_rows < 1 or self.retry_attempts < 1:
            raise ValueError("analytics batch_size, max_insert_rows and retry_attempts must be >= 1")
        if self.max_pending_rows < self.batch_size:
            raise ValueError("analytics max_pending_rows must hold at least one batch (batch_size rows)")
        if min(self.flush_interval, self.probe_interval, self.status_interval) <= 0:
            raise ValueError("analytics intervals must be positive")
