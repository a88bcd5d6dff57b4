"""Fixtures for the runtime tests: systems that are always stopped, and captured log records."""
from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator

import pytest
from loguru import logger

from actors.runtime import ActorSystem


@pytest.fixture
async def make_system() -> AsyncIterator[Callable[..., ActorSystem]]:
    """Builds systems with short timeouts; each is stopped after the test, even a failing one."""
    created: list[ActorSystem] = []

    def make(**options: float) -> ActorSystem:
        system = ActorSystem(**{"default_ask_timeout": 1.0, "busy_wait": 0.05, **options})
        created.append(system)
        return system

    yield make
    for system in created:
        await system.stop(drain_timeout=1.0)


@pytest.fixture
def log_records() -> Iterator[list[dict]]:
    records: list[dict] = []
    sink = logger.add(lambda line: records.append(line.record), level="DEBUG", format="{message}")
    yield records
    logger.remove(sink)
