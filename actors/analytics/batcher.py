"""Row buffers per table: a batch leaves when it is full or when its oldest row waited long enough.

Pure bookkeeping (no I/O, an injectable clock), so it is tested without an event loop. Each
buffer holds fewer than batch_size rows: a full one is handed out at once.
"""
from __future__ import annotations

from collections.abc import Callable
from time import monotonic

from storage.clickhouse.batch import TABLES, Ack, Row, RowBatch


class Batcher:
    def __init__(self, batch_size: int, flush_interval: float,
                 clock: Callable[[], float] = monotonic) -> None:
        self._batch_size = batch_size
        self._flush_interval = flush_interval
        self._clock = clock
        self._rows: dict[str, list[Row]] = {table: [] for table in TABLES}
        self._acks: dict[str, dict[Ack, int]] = {table: {} for table in TABLES}  # who waits for how many
        self._first_at: dict[str, float] = {}  # when the oldest buffered row of a table arrived

    def add(self, table: str, row: Row, ack: Ack | None = None) -> RowBatch | None:
        """Buffers the row; returns the table's batch when this row filled it."""
        rows = self._rows[table]
        if not rows:
            self._first_at[table] = self._clock()
        rows.append(row)
        if ack is not None:
            acks = self._acks[table]
            acks[ack] = acks.get(ack, 0) + 1
        return self.take(table) if len(rows) >= self._batch_size else None

    def due(self) -> list[RowBatch]:
        """Batches whose oldest row waited at least flush_interval."""
        now = self._clock()
        waited = self._flush_interval
        ready = [t for t, rows in self._rows.items() if rows and now - self._first_at[t] >= waited]
        return [batch for batch in map(self.take, ready) if batch is not None]

    def take(self, table: str) -> RowBatch | None:
        rows = self._rows[table]
        if not rows:
            return None
        self._rows[table] = []
        acks, self._acks[table] = self._acks[table], {}
        self._first_at.pop(table, None)
        return RowBatch.new(table, rows, acks.items())

    def take_all(self) -> list[RowBatch]:
        return [batch for batch in map(self.take, TABLES) if batch is not None]

    def __len__(self) -> int:
        return sum(len(rows) for rows in self._rows.values())
