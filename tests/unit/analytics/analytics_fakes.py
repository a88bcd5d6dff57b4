"""Fakes shared by the analytics unit tests (a module of its own: conftest modules are not importable)."""
from __future__ import annotations

import uuid

from storage.clickhouse import ClickHouseUnavailable, RowBatch


class FakeWriter:
    """Stores rows in a list (so a duplicate shows), can be down, and can lose acknowledgements."""

    def __init__(self) -> None:
        self.up = True
        self.stored: list[dict] = []
        self.calls: list[tuple[str, bool]] = []  # (batch_id, dedupe) per insert
        self.lose_acks = 0  # the next N inserts store the rows but raise as if the answer was lost
        self.schema_runs = 0

    async def ping(self) -> bool:
        return self.up

    async def ensure_schema(self) -> list[str]:
        if not self.up:
            raise ClickHouseUnavailable("connection refused")
        self.schema_runs += 1
        return []

    async def insert(self, batch: RowBatch, *, dedupe: bool) -> int:
        self.calls.append((batch.batch_id, dedupe))
        if not self.up:
            raise ClickHouseUnavailable("connection refused")
        stored_ids = {row["event_id"] for row in self.stored if row["batch_id"] == batch.batch_id}
        rows = [row for row in batch.rows if not (dedupe and row["event_id"] in stored_ids)]
        self.stored.extend(rows)
        if self.lose_acks:
            self.lose_acks -= 1
            raise ClickHouseUnavailable("read timeout")
        return len(rows)

    def events(self) -> list[dict]:
        return [row for row in self.stored if "event" in row]

    def logs(self) -> list[dict]:
        return [row for row in self.stored if "level" in row]


def make_rows(count: int, start: int = 0) -> list[dict]:
    return [{"event_id": str(uuid.uuid4()), "time": "2024-05-01 10:00:00", "event": "e", "n": start + i}
            for i in range(count)]
