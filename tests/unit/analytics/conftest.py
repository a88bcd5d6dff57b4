"""Fakes for the analytics unit tests: a ClickHouse writer in memory, spools in tmp dirs, quick options."""
from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
from analytics_fakes import FakeWriter
from loguru import logger

from actors.analytics import AnalyticsOptions
from actors.aspects import set_timing_sink
from actors.runtime import ActorSystem
from storage.spool import Spool


@pytest.fixture
def fake_writer() -> FakeWriter:
    return FakeWriter()


@pytest.fixture
def spool(tmp_path: Path) -> Spool:
    return Spool(tmp_path / "spool", max_bytes=10_000_000)


@pytest.fixture
def quick_options() -> AnalyticsOptions:
    return AnalyticsOptions(batch_size=10, flush_interval=0.02, retry_attempts=2, retry_backoff=0.001,
                            probe_interval=0.02, status_interval=3600, insert_timeout=1.0, stop_timeout=1.0)


@pytest.fixture
async def make_system() -> AsyncIterator[Callable[[], ActorSystem]]:
    created: list[ActorSystem] = []

    def make() -> ActorSystem:
        created.append(ActorSystem(default_ask_timeout=2.0, busy_wait=0.05))
        return created[-1]

    yield make
    for system in created:
        await system.stop(drain_timeout=2.0)


@pytest.fixture(autouse=True)
def no_timing_sink() -> Iterator[None]:
    previous = set_timing_sink(None)
    yield
    set_timing_sink(previous)


@pytest.fixture
def log_records() -> Iterator[list[dict]]:
    records: list[dict] = []
    sink = logger.add(lambda line: records.append(line.record), level="DEBUG", format="{message}")
    yield records
    logger.remove(sink)
