"""Fixtures of the reliability suite: a PostgreSQL of the test's own that it may restart, and the
ERROR records logged meanwhile."""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator

import pytest
from loguru import logger

from tests.support.servers import ServerUnavailable, postgres
from tests.support.servers.postgres import RestartablePostgres


@pytest.fixture
def restartable_postgres() -> Iterator[RestartablePostgres]:
    """A dedicated PostgreSQL cluster (not the session's): down()/up() keep its data and port."""
    try:
        server = postgres.start_restartable()
    except ServerUnavailable as exc:
        server, reason = None, f"PostgreSQL test server unavailable: {exc}"
    if server is None:  # outside the except block, so the report shows just the reason
        if os.environ.get("CI") == "true":
            pytest.fail(reason, pytrace=False)  # CI must never silently skip (DESIGN §6)
        pytest.skip(reason)
    try:
        yield server
    finally:
        server.stop()



@pytest.fixture
def errors_logged(caplog: pytest.LogCaptureFixture) -> Iterator[Callable[[], list[str]]]:
    """errors_logged(): the ERROR records so far, of the app (loguru) and of aiogram (stdlib)."""
    found: list[str] = []
    sink = logger.add(lambda message: found.append(message.record["message"]), level="ERROR")
    with caplog.at_level(logging.ERROR):
        yield lambda: found + [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    logger.remove(sink)
