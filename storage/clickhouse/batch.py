"""A batch of analytics rows, and the interface that delivers batches to ClickHouse.

The delivery code (actor, spool replay, `apo analytics replay`) depends on `RowWriter` only, so
unit tests use a fake writer and production uses `ClickHouseWriter`.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

TABLES = ("events", "logs")
Row = dict[str, Any]


@dataclass(frozen=True)
class RowBatch:
    """Rows for one table. Every row carries its own event_id and this batch's batch_id."""

    table: str
    batch_id: str
    rows: tuple[Row, ...]

    def __post_init__(self) -> None:
        if self.table not in TABLES:  # the table name ends up in SQL: only known names pass
            raise ValueError(f"unknown analytics table {self.table!r}")

    @classmethod
    def new(cls, table: str, rows: Iterable[Row]) -> RowBatch:
        batch_id = str(uuid.uuid4())
        return cls(table, batch_id, tuple({**row, "batch_id": batch_id} for row in rows))

    @classmethod
    def merge(cls, batches: Sequence[RowBatch]) -> RowBatch:
        """One batch, with a new batch_id, of batches of one table that were never sent nor spooled
        (their own batch_ids then mean nothing: no stored row and no spool file carries them)."""
        table = batches[0].table
        if any(batch.table != table for batch in batches):
            raise ValueError("only batches of one table can be merged")
        return cls.new(table, (row for batch in batches for row in batch.rows))

    def __len__(self) -> int:
        return len(self.rows)

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
