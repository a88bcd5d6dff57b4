"""The spool: atomic batch files, in order, size-capped; replay deletes a file only once stored."""
from __future__ import annotations

import json
import os
import time

from analytics_fakes import FakeWriter, make_rows

from storage.clickhouse import RowBatch
from storage.spool import Spool, replay


def batch(count: int, start: int = 0, table: str = "events") -> RowBatch:
    return RowBatch.new(table, make_rows(count, start))


def test_batches_are_read_back_in_write_order_even_after_a_restart(tmp_path):
    spool = Spool(tmp_path, max_bytes=1_000_000)
    first, second = batch(2, 0), batch(2, 2, table="logs")
    assert spool.write(first, attempted=False) and spool.write(second, attempted=True)
    reopened = Spool(tmp_path, max_bytes=1_000_000)
    third = batch(1, 4)
    reopened.write(third, attempted=False)
    read = [reopened.read(entry) for entry in reopened.entries()]
    assert [s.batch.batch_id for s in read] == [first.batch_id, second.batch_id, third.batch_id]
    assert read[0].batch.rows == first.rows and [s.attempted for s in read] == [False, True, False]
    assert reopened.file_count == 3 and reopened.size_bytes == sum(e.size for e in reopened.entries())


def test_the_cap_refuses_a_batch_instead_of_growing(tmp_path):
    one = batch(5)
    size = len(json.dumps({"table": "events", "batch_id": one.batch_id, "attempted": False,
                           "rows": list(one.rows)}).encode())
    spool = Spool(tmp_path, max_bytes=size * 2 + 10)
    assert spool.write(one, attempted=False)
    assert spool.write(batch(5, 5), attempted=False)
    assert not spool.write(batch(5, 10), attempted=False)
    assert spool.file_count == 2 and spool.size_bytes <= spool.max_bytes


def test_a_write_cut_short_leaves_no_batch_and_its_temp_file_is_cleaned(tmp_path):
    stale = tmp_path / "000000000001-0b5c1b8e-0000-4000-8000-000000000000.events.tmp"
    stale.write_text("{half")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))  # left by a crash an hour ago
    spool = Spool(tmp_path, max_bytes=1_000_000)
    assert spool.entries() == [] and not list(tmp_path.glob("*.tmp"))


async def test_replay_stores_in_order_and_deletes_only_acknowledged_files(tmp_path):
    spool = Spool(tmp_path, max_bytes=1_000_000)
    batches = [batch(3, 3 * i) for i in range(3)]
    for b in batches:
        spool.write(b, attempted=False)
    writer = FakeWriter()
    writer.lose_acks = 1  # the first insert is stored, but its acknowledgement is lost
    result = await replay(spool, writer)
    assert result.batches == 0 and result.left == 3 and "read timeout" in result.error
    assert spool.file_count == 3  # not acknowledged: nothing deleted
    result = await replay(spool, writer)
    assert (result.batches, result.rows, result.already_stored, result.left) == (3, 6, 3, 0)
    assert [row["n"] for row in writer.stored] == list(range(9))  # in order, and each row once
    assert spool.file_count == 0 and all(dedupe for _, dedupe in writer.calls)


async def test_replay_stops_while_clickhouse_is_down_and_keeps_everything(tmp_path):
    spool = Spool(tmp_path, max_bytes=1_000_000)
    spool.write(batch(2), attempted=False)
    writer = FakeWriter()
    writer.up = False
    result = await replay(spool, writer)
    assert result.left == 1 and result.error and spool.file_count == 1 and writer.stored == []


async def test_a_corrupt_file_is_set_aside_reported_and_does_not_block_the_rest(tmp_path, log_records):
    spool = Spool(tmp_path, max_bytes=1_000_000)
    spool.write(batch(2), attempted=False)
    spool.write(batch(2, 2), attempted=False)
    spool.entries()[0].path.write_text("{not json")
    writer = FakeWriter()
    result = await replay(spool, writer)
    assert (result.batches, result.rejected_files, result.left) == (1, 1, 0)
    assert len(list((tmp_path / "rejected").iterdir())) == 1
    assert any(r["level"].name == "ERROR" and "set aside" in r["message"] for r in log_records)


async def test_only_one_replayer_at_a_time(tmp_path):
    spool = Spool(tmp_path, max_bytes=1_000_000)
    spool.write(batch(1), attempted=False)
    with spool.exclusive() as alone:
        assert alone
        result = await replay(Spool(tmp_path, max_bytes=1_000_000), FakeWriter())
    assert result.batches == 0 and result.left == 1 and "another process" in result.error
