"""What the outbox tests share: an event, a subscriber that writes down what it applied, and
helpers to write events and read the table. Imported by bare name (as ch_helpers is), so that both
test modules see one Noted class."""
from __future__ import annotations

import asyncio

from actors.runtime import Actor, ActorSystem, Event, handles
from storage.postgres import Database


class Noted(Event):
    user_id: int
    seq: int


class Ledger(Actor):
    """A subscriber that writes down every delivery it applied (a duplicate would show twice)."""

    def __init__(self, applied: list[tuple[int, int]], fail: dict[int, list[BaseException]] | None = None) -> None:
        self.applied, self.fail = applied, fail if fail is not None else {}

    @handles(Noted)
    async def on_noted(self, event: Noted) -> None:
        failures = self.fail.get(event.seq)
        if failures:
            raise failures.pop(0)
        self.applied.append((event.user_id, event.seq))


async def record(database: Database, *events: Noted) -> None:
    async with database.transaction() as tx:
        for event in events:
            await tx.record(event)


async def outbox_rows(database: Database) -> list[dict]:
    async with database.autocommit() as tx:
        return await tx.fetchall("SELECT id, user_key, claimed_by, attempts, pending, dead, last_error "
                                 "FROM outbox ORDER BY id")


async def until(condition, timeout: float = 10.0, what: str = "") -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        await asyncio.sleep(0.02)


def ledger_system(applied: list, fail: dict | None = None, name: str = "ledger") -> ActorSystem:
    system = ActorSystem(default_ask_timeout=5.0)
    ref = system.spawn(name, lambda: Ledger(applied, fail), shards=2, shard_key=lambda m: m.user_id)
    system.subscribe(Noted, ref)
    return system


async def true(value: bool) -> bool:
    return value


async def rows_left(database: Database, count: int) -> bool:
    return len(await outbox_rows(database)) == count


async def failed_once(database: Database) -> bool:
    return any(r["attempts"] >= 1 for r in await outbox_rows(database))


async def empty(database: Database) -> bool:
    return await outbox_rows(database) == []
