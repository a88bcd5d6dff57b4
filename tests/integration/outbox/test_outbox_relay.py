"""The relay on a real PostgreSQL: events recorded with their facts reach their subscribers once,
in order per user, after failures, after a crash of another instance, and with two instances."""
from __future__ import annotations

import asyncio
from contextlib import AsyncExitStack
from dataclasses import replace

import pytest

from outbox_support import (
    Ledger,
    Noted,
    empty,
    failed_once,
    ledger_system,
    outbox_rows,
    record,
    rows_left,
    true,
    until,
)

from actors.outbox.running import running_relay
from storage.postgres import Database, StoreUnavailable
from storage.postgres.instance_lock import InstanceLock
from tests.support.quick_relay import QUICK_RELAY


async def test_a_committed_event_is_delivered_before_the_writer_goes_on_and_its_row_is_deleted(database):
    applied: list = []
    system = ledger_system(applied)
    async with running_relay(system, database, "test", QUICK_RELAY):
        await system.start()
        await record(database, Noted(user_id=1, seq=1))
        # Delivered (enqueued) at the commit: an ask behind it on the same shard sees it applied.
        await until(lambda: true(applied == [(1, 1)]), 2, "applied")
        await until(lambda: empty(database), 2, "the row deleted")
        await system.stop()


async def test_a_rolled_back_transaction_records_nothing_and_delivers_nothing(database):
    applied: list = []
    system = ledger_system(applied)
    async with running_relay(system, database, "test", QUICK_RELAY):
        await system.start()
        with pytest.raises(RuntimeError):
            async with database.transaction() as tx:
                await tx.record(Noted(user_id=1, seq=1))
                raise RuntimeError("the fact failed")
        await asyncio.sleep(0.3)
        assert applied == [] and await outbox_rows(database) == []
        await system.stop()


async def test_record_refuses_autocommit_where_the_event_would_commit_apart_from_its_fact(database):
    async with database.autocommit() as tx:
        with pytest.raises(RuntimeError, match="transaction"):
            await tx.record(Noted(user_id=1, seq=1))


async def test_rows_written_while_nobody_relayed_are_caught_up_in_order_per_user_at_start(database):
    events = [Noted(user_id=u, seq=s) for s in range(1, 21) for u in (1, 2, 3)]
    await record(database, *events)  # no relay attached: a CLI command, or a crash before delivery
    assert [r["claimed_by"] for r in await outbox_rows(database)] == [None] * 60
    applied: list = []
    system = ledger_system(applied)
    async with running_relay(system, database, "test", QUICK_RELAY):
        await system.start()
        await until(lambda: true(len(applied) == 60), 5, "all caught up")
        await system.stop()
    for user in (1, 2, 3):
        assert [seq for u, seq in applied if u == user] == list(range(1, 21))
    assert await outbox_rows(database) == []


async def test_a_failed_delivery_is_retried_for_the_failed_subscriber_only_and_keeps_the_users_order(database):
    applied: list = []
    other: list = []
    system = ledger_system(applied, fail={2: [StoreUnavailable("documents: down")] * 2})
    system.subscribe(Noted, system.spawn("other", lambda: Ledger(other), shards=1))
    async with running_relay(system, database, "test", QUICK_RELAY):
        await system.start()
        await record(database, Noted(user_id=7, seq=1))
        await record(database, Noted(user_id=7, seq=2))
        await until(lambda: failed_once(database), 2, "the second failed once")
        await record(database, Noted(user_id=7, seq=3))  # behind a row that waits for its retry
        await until(lambda: true(len(applied) == 3), 10, "the retries went through")
        await system.stop()
    assert applied == [(7, 1), (7, 2), (7, 3)]  # the third waited behind the retried second
    assert other == [(7, 1), (7, 2), (7, 3)]  # and the subscriber that took it at once got it once


async def test_a_row_that_keeps_failing_for_a_bug_is_kept_as_dead_and_stops_blocking_its_user(database):
    applied: list = []
    options = replace(QUICK_RELAY, max_attempts=3)
    system = ledger_system(applied, fail={1: [ValueError("a bug")] * 10})
    async with running_relay(system, database, "test", options) as relay:
        await system.start()
        await record(database, Noted(user_id=5, seq=1))
        await record(database, Noted(user_id=5, seq=2))
        await until(lambda: true(applied == [(5, 2)]), 10, "the next one went on")
        await until(lambda: rows_left(database, 1), 2, "only the dead row left")
        [row] = await outbox_rows(database)
        assert row["dead"] and row["attempts"] == 3 and "ValueError" in row["last_error"]
        status = await relay.status()
        assert (status.backlog, status.dead) == (0, 1)
        await system.stop()


async def test_rows_claimed_by_an_instance_that_died_are_free_at_once(database):
    dead = InstanceLock(database.dsn)
    key = await dead.acquire()
    await record(database, Noted(user_id=1, seq=1), Noted(user_id=1, seq=2))
    async with database.transaction() as tx:
        await tx.execute("UPDATE outbox SET claimed_by = %(key)s", {"key": key})
    applied: list = []
    system = ledger_system(applied)
    async with running_relay(system, database, "test", QUICK_RELAY):
        await system.start()
        await asyncio.sleep(0.3)
        assert applied == []  # its owner is alive: its claims are its own
        await dead.release()  # the process dies: PostgreSQL drops its lock
        await until(lambda: true(applied == [(1, 1), (1, 2)]), 3, "taken over")
        await system.stop()


async def test_two_instances_relay_one_outbox_and_apply_every_event_once_in_order(database, empty_database):
    applied: list = []  # shared: both instances' subscribers write the same store, as ours do
    other_db = Database(empty_database, maxsize=5)
    await other_db.open()
    try:
        async with AsyncExitStack() as stack:
            systems = []
            for db in (database, other_db):
                system = ledger_system(applied)
                await stack.enter_async_context(running_relay(system, db, "test", QUICK_RELAY))
                await system.start()
                systems.append(system)
            for seq in range(1, 31):  # the instances take turns writing each user's next event
                await record((database, other_db)[seq % 2], *[Noted(user_id=u, seq=seq) for u in range(10)])
            await record(other_db, *[Noted(user_id=u, seq=99) for u in range(10)])
            await until(lambda: true(len(applied) == 310), 10, "all applied")
            for system in systems:
                await system.stop()
    finally:
        await other_db.close()
    assert len(applied) == len(set(applied)) == 310  # every event delivered once: none twice
    for user in range(10):
        assert [seq for u, seq in applied if u == user] == [*range(1, 31), 99]
    assert await outbox_rows(database) == []
