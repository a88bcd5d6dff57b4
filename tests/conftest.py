"""Root conftest: only the session-wide real servers live here.

Other fixtures go in tests/support/fixtures_*.py, registered below in `pytest_plugins`
(pytest only accepts `pytest_plugins` in this root conftest), or in a conftest.py of a subfolder.
`tests` is a package (tests/__init__.py), so modules are named `tests.support.…`.

Servers start lazily, once per session, when a test first asks for them; set
APO_TEST_POSTGRES_DSN / APO_TEST_CLICKHOUSE_URL / APO_TEST_MONGO_URL to use servers of your own.
"""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.servers import clickhouse, ferretdb, postgres, serve

pytest_plugins = [
    "tests.support.fixtures_db",
    "tests.support.fixtures_app",
    "tests.support.fake_telegram.fixtures",
    "tests.support.fixtures_bot",
]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """DSN of a PostgreSQL 15 superuser connection: postgresql://postgres@127.0.0.1:PORT/postgres."""
    yield from serve("PostgreSQL", "APO_TEST_POSTGRES_DSN", postgres.start)


@pytest.fixture(scope="session")
def clickhouse_server() -> Iterator[str]:
    """HTTP URL of ClickHouse (user `default`, no password): http://127.0.0.1:PORT."""
    yield from serve("ClickHouse", "APO_TEST_CLICKHOUSE_URL", clickhouse.start)


@pytest.fixture(scope="session")
def mongo_server() -> Iterator[str]:
    """URL of a MongoDB-wire server (FerretDB on SQLite): mongodb://127.0.0.1:PORT/."""
    yield from serve("MongoDB-wire (FerretDB)", "APO_TEST_MONGO_URL", ferretdb.start)
