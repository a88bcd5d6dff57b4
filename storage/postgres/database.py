"""The aiopg pool and the unit of work: `async with db.transaction() as tx`."""
from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from collections.abc import Callable
from typing import AsyncIterator

import aiopg
import psycopg2
import psycopg2.extras

from storage.postgres.errors import StoreUnavailable
from storage.postgres.tx import OutboxConfig, RecordedEvent, Tx

CommitHook = Callable[[list[RecordedEvent]], None]

# Errors that mean "the server or the connection is gone", not "the SQL is wrong".
_CONNECTION_ERRORS = (psycopg2.OperationalError, psycopg2.InterfaceError, asyncio.TimeoutError, OSError)


class Database:
    """Owns one aiopg pool. Every business operation runs in one transaction."""

    def __init__(self, dsn: str, *, minsize: int = 1, maxsize: int = 20, timeout: float = 10.0) -> None:
        self._dsn = dsn
        self._minsize, self._maxsize, self._timeout = minsize, maxsize, timeout
        self._pool: aiopg.Pool | None = None
        self.outbox = OutboxConfig()
        self._on_commit: CommitHook | None = None

    def relay_to(self, outbox: OutboxConfig, on_commit: CommitHook | None) -> None:
        """Events recorded in a transaction go to on_commit (the relay) right after its COMMIT,
        synchronously, so they are delivered before the handler that wrote them replies."""
        self.outbox, self._on_commit = outbox, on_commit

    @property
    def dsn(self) -> str:
        return self._dsn

    async def open(self) -> None:
        try:
            self._pool = await aiopg.create_pool(
                self._dsn, minsize=self._minsize, maxsize=self._maxsize, timeout=self._timeout,
                pool_recycle=300,
            )
        except _CONNECTION_ERRORS as exc:
            raise StoreUnavailable(f"postgres: {type(exc).__name__}") from exc

    async def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            await self._pool.wait_closed()
            self._pool = None

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        async with self._connection(explicit_transaction=True) as tx:
            yield tx

    @asynccontextmanager
    async def autocommit(self) -> AsyncIterator[Tx]:
        """For one statement (a lookup, a single idempotent write): it is its own transaction,
        which saves the BEGIN and COMMIT round trips on the hot paths."""
        async with self._connection(explicit_transaction=False) as tx:
            yield tx

    @asynccontextmanager
    async def _connection(self, *, explicit_transaction: bool) -> AsyncIterator[Tx]:
        if self._pool is None:
            raise StoreUnavailable("postgres: pool is not open")
        try:
            conn = await self._pool.acquire()
        except _CONNECTION_ERRORS as exc:
            raise StoreUnavailable(f"postgres: {type(exc).__name__}") from exc
        try:
            async with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
                if explicit_transaction:
                    await cur.execute("BEGIN")
                tx = Tx(cur, self.outbox, explicit=explicit_transaction)
                try:
                    yield tx
                except Exception:
                    if explicit_transaction:
                        await _rollback_or_close(conn, cur)
                    else:  # what its statements recorded is committed all the same
                        self._committed(tx)
                    raise
                except BaseException:
                    # Cancelled mid-query: the connection may still be busy; never reuse it.
                    conn.close()
                    raise
                if explicit_transaction:
                    await cur.execute("COMMIT")
                self._committed(tx)
        except _CONNECTION_ERRORS as exc:
            # A broken connection must not go back into the pool for the next caller.
            conn.close()
            raise StoreUnavailable(f"postgres: {type(exc).__name__}") from exc
        finally:
            await self._pool.release(conn)

    def _committed(self, tx: Tx) -> None:
        if tx.recorded and self._on_commit is not None:
            recorded, tx.recorded = tx.recorded, []
            self._on_commit(recorded)

    async def ping(self) -> bool:
        try:
            async with self.autocommit() as tx:
                return await tx.fetchval("SELECT 1") == 1
        except StoreUnavailable:
            return False


async def _rollback_or_close(conn: aiopg.Connection, cur: aiopg.Cursor) -> None:
    if conn.closed:
        return
    try:
        await cur.execute("ROLLBACK")
    except Exception:
        conn.close()
