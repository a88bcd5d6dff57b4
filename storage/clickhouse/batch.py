"""A batch of analytics rows, and the interface that delivers batches to ClickHouse.

The delivery code (actor, spool replay, `apo analytics replay`) depends on `RowWriter` only, so
unit tests use a fake writer and production uses `ClickHouseWriter`.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

TABLES = ("events", "logs")
Row = dict[str, Any]


class Ack(Protocol):
    """Someone waiting for rows to be stored for good (the relay, for outbox events)."""

    def stored(self, rows: int) -> None: ...

    def failed(self, error: BaseException) -> None: ...


@dataclass(frozen=True)
class RowBatch:
    """Rows for one table. Every row carries its own event_id and this batch's batch_id. `acks`: who
    waits for how many of these rows (kept in memory only: a spooled batch is already stored)."""

    table: str
    batch_id: str
    rows: tuple[Row, ...]
    acks: tuple[tuple[Ack, int], ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.table not in TABLES:  # the table name ends up in SQL: only known names pass
            raise ValueError(f"unknown analytics table {self.table!r}")

    @classmethod
    def new(cls, table: str, rows: Iterable[Row], acks: Iterable[tuple[Ack, int]] = ()) -> RowBatch:
        batch_id = str(uuid.uuid4())
        return cls(table, batch_id, tuple({**row, "batch_id": batch_id} for row in rows), tuple(acks))

    @classmethod
    def merge(cls, batches: Sequence[RowBatch]) -> RowBatch:
        """One batch, with a new batch_id, of batches of one table that were never sent nor spooled
        (their own batch_ids then mean nothing: no stored row and no spool file carries them)."""
        table = batches[0].table
        if any(batch.table != table for batch in batches):
            raise ValueError("only batches of one table can be merged")
        return cls.new(table, (row for batch in batches for row in batch.rows),
                       (ack for batch in batches for ack in batch.acks))

    def __len__(self) -> int:
        return len(self.rows)

    def settle(self, error: BaseException | None = None) -> None:
        """The batch is stored (inserted, spooled, or kept aside as refused), or could not be."""
        for ack, rows in self.acks:
            if error is None:
                ack.stored(rows)
            else:
                ack.failed(error)

    def time_range(self) -> tuple[str, str]:
        """Oldest and newest row time ('YYYY-MM-DD hh:mm:ss' strings sort as times)."""
        times = [row["time"] for row in self.rows]
        return min(times), max(times)


class RowWriter(Protocol):
    async def ping(self) -> bool:
        """True when ClickHouse answers; never raises."""

    async def ensure_schema(self) -> None:
        """Runs the ClickHouse migrations once per writer; raises when ClickHouse is away."""

    async def insert(self, batch: RowBatch, *, dedupe: bool) -> int:
        """Stores the batch; with dedupe, rows of this batch already stored are skipped.
        Returns the number of rows written; raises when ClickHouse did not acknowledge."""
