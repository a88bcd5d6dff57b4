"""The batcher hands out a batch when it is full or when its oldest row waited flush_interval."""
from __future__ import annotations

from actors.analytics.batcher import Batcher


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def row(n: int) -> dict:
    return {"event_id": f"id-{n}", "time": "2024-05-01 10:00:00", "n": n}


def test_a_full_buffer_becomes_a_batch_at_once_with_ids_stamped():
    batcher = Batcher(batch_size=3, flush_interval=10, clock=Clock())
    assert batcher.add("events", row(1)) is None
    assert batcher.add("events", row(2)) is None
    batch = batcher.add("events", row(3))
    assert batch is not None and batch.table == "events"
    assert [r["n"] for r in batch.rows] == [1, 2, 3]
    assert {r["batch_id"] for r in batch.rows} == {batch.batch_id}
    assert len(batcher) == 0


def test_a_partial_buffer_leaves_only_after_the_interval_of_its_oldest_row():
    clock = Clock()
    batcher = Batcher(batch_size=100, flush_interval=2.0, clock=clock)
    batcher.add("events", row(1))
    clock.now += 1.5
    batcher.add("events", row(2))
    batcher.add("logs", row(3))
    assert batcher.due() == []
    clock.now += 0.5
    due = batcher.due()
    assert [(b.table, len(b)) for b in due] == [("events", 2)]  # logs' oldest row waited 0.5 s only
    assert len(batcher) == 1
    clock.now += 2.0
    assert [(b.table, len(b)) for b in batcher.due()] == [("logs", 1)]


def test_take_all_empties_every_table_and_each_batch_gets_its_own_id():
    batcher = Batcher(batch_size=100, flush_interval=2.0, clock=Clock())
    batcher.add("events", row(1))
    batcher.add("logs", row(2))
    batches = batcher.take_all()
    assert sorted(b.table for b in batches) == ["events", "logs"]
    assert len({b.batch_id for b in batches}) == 2
    assert batcher.take_all() == [] and len(batcher) == 0
