"""Fixtures for analytics on the real ClickHouse and on chDB: a fresh database per test, writers, options."""
from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from ch_helpers import run_query
from chdb.session import Session
from chdb_clickhouse import ChdbTarget

from actors.analytics import AnalyticsOptions
from actors.aspects import set_timing_sink
from app.paths import SQL_DIR
from storage.clickhouse import ClickHouseWriter, open_session, parse_url


@pytest.fixture
async def ch_url(clickhouse_server: str) -> AsyncIterator[str]:
    """URL of a database of our own on the session's ClickHouse (created by the migrations)."""
    database = "apo_" + uuid.uuid4().hex[:10]
    yield f"{clickhouse_server}/{database}"
    await run_query(clickhouse_server, f"DROP DATABASE IF EXISTS {database}")


@pytest.fixture
async def ch_writer(ch_url: str) -> AsyncIterator[ClickHouseWriter]:
    async with open_session(5.0) as session:
        writer = ClickHouseWriter(parse_url(ch_url), session, SQL_DIR / "clickhouse", timeout=5.0)
        await writer.ensure_schema()
        yield writer


@pytest.fixture(scope="session")
def chdb_engine(tmp_path_factory) -> Iterator[Session]:
    """ClickHouse 26.9 in process (chDB): a current release beside the 18.16 server."""
    engine = Session(str(tmp_path_factory.mktemp("chdb")))
    assert engine.query("SELECT version()", "TabSeparated").bytes().startswith(b"26.9.")
    yield engine
    engine.close()


@pytest.fixture
def chdb_target(chdb_engine: Session) -> ChdbTarget:
    """A database of our own in chDB (created by the migrations), as ch_url on the server."""
    return ChdbTarget("http://chdb/", None, None, "apo_" + uuid.uuid4().hex[:10], chdb_engine)


@pytest.fixture
async def chdb_writer(chdb_target: ChdbTarget) -> AsyncIterator[ClickHouseWriter]:
    async with open_session(5.0) as session:
        writer = ClickHouseWriter(chdb_target, session, SQL_DIR / "clickhouse", timeout=5.0)
        await writer.ensure_schema()
        yield writer


@pytest.fixture
def quick_options() -> AnalyticsOptions:
    return AnalyticsOptions(batch_size=200, flush_interval=0.05, retry_attempts=2, retry_backoff=0.01,
                            probe_interval=0.1, status_interval=3600, insert_timeout=3.0, stop_timeout=5.0)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(autouse=True)
def no_timing_sink() -> Iterator[None]:
    previous = set_timing_sink(None)
    yield
    set_timing_sink(previous)
