"""The sender's queue: capped in rows; batches that queued up leave merged into larger inserts."""
from __future__ import annotations

import pytest
from analytics_fakes import make_rows

from actors.analytics import AnalyticsOptions
from actors.analytics.pending import PendingBatches
from storage.clickhouse import RowBatch


def batch(count: int, start: int = 0, table: str = "events") -> RowBatch:
    return RowBatch.new(table, make_rows(count, start))


def test_batches_of_one_table_leave_merged_oldest_first_up_to_the_insert_cap():
    pending = PendingBatches(max_rows=100, max_insert_rows=12)
    for start in (0, 5, 10):
        assert pending.offer(batch(5, start))
    merged = pending.take()
    assert [row["n"] for row in merged.rows] == list(range(10))  # a third batch would pass 12 rows
    assert {row["batch_id"] for row in merged.rows} == {merged.batch_id}  # one new id, on every row
    assert pending.rows == 5 and [row["n"] for row in pending.take().rows] == list(range(10, 15))
    assert not pending and pending.rows == 0


def test_a_batch_of_the_other_table_ends_the_merge_and_a_lone_batch_keeps_its_id():
    pending = PendingBatches(max_rows=100, max_insert_rows=100)
    first, log, last = batch(2, 0), batch(2, 2, table="logs"), batch(2, 4)
    for queued in (first, log, last):
        pending.offer(queued)
    assert [pending.take().batch_id for _ in range(3)] == [first.batch_id, log.batch_id, last.batch_id]


def test_the_row_cap_refuses_a_batch_and_take_all_returns_them_unmerged():
    pending = PendingBatches(max_rows=10, max_insert_rows=100)
    first, second = batch(5, 0), batch(5, 5)
    assert pending.offer(first) and pending.offer(second)
    assert not pending.offer(batch(1, 10)) and pending.rows == 10
    assert pending.take_all() == [first, second] and pending.rows == 0 and not pending


def test_merging_needs_one_table_and_the_options_need_room_for_a_batch():
    with pytest.raises(ValueError):
        RowBatch.merge([batch(1), batch(1, table="logs")])
    with pytest.raises(ValueError):
        AnalyticsOptions(batch_size=100, max_pending_rows=99)
