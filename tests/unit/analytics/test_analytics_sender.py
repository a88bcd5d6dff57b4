"""The sender: delivers in order, retries with dedupe, spools while ClickHouse is away, replays after."""
from __future__ import annotations

import asyncio
from dataclasses import replace

from analytics_fakes import FakeWriter, make_rows

from actors.analytics.counters import Counters
from actors.analytics.sender import Sender
from storage.clickhouse import ClickHouseRejected, RowBatch
from storage.spool import Spool


async def eventually(check, timeout: float = 3.0) -> None:
    async with asyncio.timeout(timeout):
        while not check():
            await asyncio.sleep(0.005)


def batches(count: int, size: int = 5) -> list[RowBatch]:
    return [RowBatch.new("events", make_rows(size, i * size)) for i in range(count)]


async def started(writer, spool, options) -> tuple[Sender, Counters]:
    counters = Counters()
    sender = Sender(writer, spool, counters, options)
    sender.start()
    return sender, counters


async def test_batches_reach_clickhouse_once_each_in_order(fake_writer, spool, quick_options):
    sender, counters = await started(fake_writer, spool, quick_options)
    for batch in batches(3):
        sender.submit(batch)
    await eventually(lambda: counters.sent == 15)
    await sender.close(1.0)
    assert [row["n"] for row in fake_writer.stored] == list(range(15))
    assert sender.state == "up" and not any(dedupe for _, dedupe in fake_writer.calls)


async def test_a_lost_acknowledgement_is_retried_with_dedupe_and_stored_once(fake_writer, spool,
                                                                             quick_options):
    fake_writer.lose_acks = 1
    sender, counters = await started(fake_writer, spool, quick_options)
    [batch] = batches(1)
    sender.submit(batch)
    await eventually(lambda: counters.already_stored == 5)
    await sender.close(1.0)
    assert [dedupe for _, dedupe in fake_writer.calls] == [False, True]
    assert len(fake_writer.stored) == 5 and counters.sent == 0 and spool.file_count == 0


async def test_while_down_batches_spool_and_come_back_in_order_once_it_returns(fake_writer, spool,
                                                                               quick_options):
    fake_writer.up = False
    sender, counters = await started(fake_writer, spool, quick_options)
    first, second, third = batches(3)
    sender.submit(first)
    sender.submit(second)
    await eventually(lambda: counters.spooled == 10)
    assert sender.state == "down" and spool.file_count > 0 and "does not answer" in counters.last_error
    fake_writer.up = True
    sender.submit(third)
    await eventually(lambda: counters.replayed + counters.sent == 15)
    await sender.close(1.0)
    assert [row["n"] for row in fake_writer.stored] == list(range(15))  # spooled ones first
    assert sender.state == "up" and spool.file_count == 0


async def test_a_stop_while_down_spools_everything_queued(fake_writer, spool, quick_options):
    fake_writer.up = False
    sender, counters = await started(fake_writer, spool, quick_options)
    for batch in batches(4):
        sender.submit(batch)
    await sender.close(1.0)
    assert counters.spooled == 20 and spool.file_count > 0 and sender.buffered_rows == 0


async def test_overload_spools_at_once_instead_of_queueing_without_bound(spool, quick_options):
    class SlowWriter(FakeWriter):
        async def insert(self, batch, *, dedupe):
            await asyncio.sleep(0.2)
            return await super().insert(batch, dedupe=dedupe)

    writer = SlowWriter()
    sender, counters = await started(writer, spool, replace(quick_options, max_pending_rows=10))
    await eventually(lambda: sender.state == "up")
    for batch in batches(4):
        sender.submit(batch)
    assert counters.spooled == 10  # 10 rows (two batches) may queue: the rest went to the spool
    await eventually(lambda: counters.sent + counters.replayed == 20)
    await sender.close(1.0)
    assert sorted(row["n"] for row in writer.stored) == list(range(20))


async def test_without_clickhouse_everything_spools(spool, quick_options):
    sender, counters = await started(None, spool, quick_options)
    for batch in batches(2):
        sender.submit(batch)
    await sender.wait_idle(1.0)
    await sender.close(1.0)
    assert sender.state == "not_configured" and counters.spooled == 10 and spool.file_count > 0


async def test_a_full_spool_counts_and_logs_every_dropped_row(tmp_path, quick_options, log_records):
    tiny = Spool(tmp_path / "spool", max_bytes=600)
    sender, counters = await started(None, tiny, quick_options)
    for batch in batches(3):
        sender.submit(batch)
    await sender.close(1.0)
    assert counters.spooled + counters.dropped == 15 and counters.dropped >= 5
    dropped_lines = [r for r in log_records if r["level"].name == "ERROR" and "DROPPED" in r["message"]]
    assert dropped_lines and "spool is full" in dropped_lines[-1]["message"]


async def test_rows_clickhouse_refuses_are_kept_aside_and_counted(spool, quick_options):
    class RefusingWriter(FakeWriter):
        async def insert(self, batch, *, dedupe):
            raise ClickHouseRejected("Code: 27. Cannot parse input")

    sender, counters = await started(RefusingWriter(), spool, quick_options)
    sender.submit(batches(1)[0])
    await eventually(lambda: counters.dropped == 5)
    await sender.close(1.0)
    assert len(list((spool.directory / "rejected").iterdir())) == 1 and sender.state == "up"


async def test_batches_queued_during_an_insert_leave_together_in_the_next_one(spool, quick_options):
    class GatedWriter(FakeWriter):
        def __init__(self) -> None:
            super().__init__()
            self.gate = asyncio.Event()
            self.sizes: list[int] = []

        async def insert(self, batch, *, dedupe):
            self.sizes.append(len(batch))
            await self.gate.wait()
            return await super().insert(batch, dedupe=dedupe)

    writer = GatedWriter()
    sender, counters = await started(writer, spool, replace(quick_options, max_insert_rows=10))
    first, *queued = batches(4)
    sender.submit(first)
    await eventually(lambda: writer.sizes == [5])  # the first insert is under way
    for batch in queued:
        sender.submit(batch)
    writer.gate.set()
    await eventually(lambda: counters.sent == 20)
    await sender.close(1.0)
    assert writer.sizes == [5, 10, 5]  # two queued batches merged, the third would pass max_insert_rows
    assert [row["n"] for row in writer.stored] == list(range(20)) and counters.spooled == 0
