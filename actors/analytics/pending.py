"""The batches waiting for the sender: bounded in rows, taken out merged into larger inserts.

Batches that queued while an insert ran leave together in the next insert (up to max_insert_rows,
same table, oldest first), so under a burst the inserts grow instead of the queue: ClickHouse
prefers few large inserts, and each insert has a fixed cost on both sides. Pure bookkeeping
(no I/O), so it is tested without an event loop.
"""
from __future__ import annotations

from collections import deque

from storage.clickhouse.batch import RowBatch


class PendingBatches:
    def __init__(self, max_rows: int, max_insert_rows: int) -> None:
        self._max_rows = max_rows
        self._max_insert_rows = max_insert_rows
        self._batches: deque[RowBatch] = deque()
        self._rows = 0

    @property
    def rows(self) -> int:
        return self._rows

    def __bool__(self) -> bool:
        return bool(self._batches)

    def offer(self, batch: RowBatch) -> bool:
        """Queues the batch; False (and nothing queued) when it would pass max_rows."""
        if self._rows + len(batch) > self._max_rows:
            return False
        self._batches.append(batch)
        self._rows += len(batch)
        return True

    def take(self) -> RowBatch:
        """The oldest batch, merged with the ones behind it of the same table up to max_insert_rows."""
        taken = [self._batches.popleft()]
        rows, table = len(taken[0]), taken[0].table
        while self._batches and self._batches[0].table == table:
            if rows + len(self._batches[0]) > self._max_insert_rows:
                break
            taken.append(self._batches.popleft())
            rows += len(taken[-1])
        self._rows -= rows
        return taken[0] if len(taken) == 1 else RowBatch.merge(taken)

    def take_all(self) -> list[RowBatch]:
        """Every batch as it was queued (a stop spools them)."""
        batches, self._batches, self._rows = list(self._batches), deque(), 0
        return batches
