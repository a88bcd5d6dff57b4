"""Fixtures for aspect tests: a clean cache and sink per test, running systems, captured logs."""
from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator

import pytest
from aiocache import SimpleMemoryCache
from loguru import logger

from actors.aspects import configure_cache, set_timing_sink
from actors.runtime import ActorSystem


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[SimpleMemoryCache]:
    cache = SimpleMemoryCache(timeout=None)
    previous = configure_cache(cache)
    yield cache
    configure_cache(previous)


@pytest.fixture
def timings() -> Iterator[list[tuple]]:
    calls: list[tuple] = []
    previous = set_timing_sink(lambda *args: calls.append(args))
    yield calls
    set_timing_sink(previous)


@pytest.fixture
async def make_system() -> AsyncIterator[Callable[..., ActorSystem]]:
    created: list[ActorSystem] = []

    def make() -> ActorSystem:
        created.append(ActorSystem(default_ask_timeout=1.0, busy_wait=0.05))
        return created[-1]

    yield make
    for system in created:
        await system.stop(drain_timeout=1.0)


@pytest.fixture
def log_records() -> Iterator[list[dict]]:
    records: list[dict] = []
    sink = logger.add(lambda line: records.append(line.record), level="DEBUG", format="{message}")
    yield records
    logger.remove(sink)
