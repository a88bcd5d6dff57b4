"""Writes analytics batches to ClickHouse with one JSONEachRow insert per batch.

Exactly once: a batch that may already have been stored (a retry after a timeout, a spooled batch
whose earlier insert was acknowledged but whose file was not yet deleted) is sent with dedupe=True:
the event ids this batch_id already stored are read first and skipped.
"""
from __future__ import annotations

import asyncio
import re
import uuid
from pathlib import Path

import aiohttp
from aiochclient import ChClientError

from storage.clickhouse.batch import RowBatch
from storage.clickhouse.client import ClickHouseTarget
from storage.clickhouse.errors import ClickHouseUnavailable
from storage.clickhouse.migrate import migrate

# Server error codes meaning "this data can never be stored" (parse and type errors), as opposed to
# "not now" (down, overloaded, table missing): such a batch is set aside instead of retried forever.
_DATA_ERROR_CODES = frozenset({6, 26, 27, 38, 41, 53, 69, 70, 72, 117, 131, 376})
_CODE = re.compile(r"Code:\s*(\d+)")
_TIME = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")

STORED_IDS = """
    SELECT toString(event_id) AS id FROM {table}
    WHERE time >= '{oldest}' AND time <= '{newest}' AND batch_id = '{batch_id}'
"""


class ClickHouseRejected(Exception):
    """ClickHouse refused the rows themselves; retrying the same batch cannot succeed."""


def _failure(error: Exception) -> Exception:
    match = _CODE.search(str(error)) if isinstance(error, ChClientError) else None
    if match and int(match.group(1)) in _DATA_ERROR_CODES:
        return ClickHouseRejected(str(error)[:500])
    return ClickHouseUnavailable(f"{type(error).__name__}: {str(error)[:300]}")


class ClickHouseWriter:
    def __init__(self, target: ClickHouseTarget, session: aiohttp.ClientSession, migrations_dir: Path,
                 timeout: float = 10.0) -> None:
        self._target = target
        self._session = session
        self._client = target.client(session)
        self._migrations_dir = migrations_dir
        self._timeout = timeout
        self._schema_ready = False

    async def ping(self) -> bool:
        try:  # the `default` database: ours may not exist before the first migration
            async with asyncio.timeout(self._timeout):
                return await self._target.client(self._session, "default").is_alive()
        except Exception:  # noqa: BLE001 - any failure means "not reachable"
            return False

    async def ensure_schema(self) -> list[str]:
        if self._schema_ready:
            return []
        try:
            async with asyncio.timeout(self._timeout):
                applied = await migrate(self._target, self._session, self._migrations_dir)
        except (ChClientError, aiohttp.ClientError, OSError, TimeoutError) as error:
            raise ClickHouseUnavailable(f"migrations: {type(error).__name__}: {str(error)[:300]}") from error
        self._schema_ready = True
        return applied

    async def insert(self, batch: RowBatch, *, dedupe: bool) -> int:
        await self.ensure_schema()
        rows = batch.rows
        try:
            async with asyncio.timeout(self._timeout):
                if dedupe:
                    stored = await self._stored_ids(batch)
                    rows = tuple(row for row in rows if row["event_id"] not in stored)
                if rows:
                    await self._client.execute(f"INSERT INTO {batch.table} FORMAT JSONEachRow", *rows)
        except (ChClientError, aiohttp.ClientError, OSError, TimeoutError) as error:
            raise _failure(error) from error
        return len(rows)

    async def _stored_ids(self, batch: RowBatch) -> set[str]:
        oldest, newest = batch.time_range()
        if not (_TIME.match(oldest) and _TIME.match(newest)):
            raise ClickHouseRejected(f"batch {batch.batch_id} has malformed row times")
        query = STORED_IDS.format(table=batch.table, oldest=oldest, newest=newest,
                                  batch_id=uuid.UUID(batch.batch_id))  # the UUID check keeps SQL safe
        return {row["id"] for row in await self._client.fetch(query)}
