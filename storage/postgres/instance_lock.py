"""An instance's liveness, as PostgreSQL sees it: a session advisory lock (NAMESPACE, key) held on a
connection of its own. The server drops it the moment the process or its connection dies, so
others can tell a live instance's claims from a dead one's without waiting for any timeout."""
from __future__ import annotations

import random

import aiopg
import psycopg2

from storage.postgres.errors import StoreUnavailable

NAMESPACE = 0x0A90  # the advisory locks' first key: ours, apart from every other lock
# The keys of the live instances (advisory locks taken with two int4 keys have objsubid 2).
LIVE_KEYS = f"""
    SELECT objid::bigint AS key FROM pg_locks
    WHERE locktype = 'advisory' AND objsubid = 2 AND classid = {NAMESPACE} AND granted
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
"""
_TRY_LOCK = "SELECT pg_try_advisory_lock(%(namespace)s, %(key)s)"
_ATTEMPTS = 20


class InstanceLock:
    def __init__(self, dsn: str) -> None:
        self._dsn = dsn
        self._conn: aiopg.Connection | None = None
        self.key: int | None = None

    async def acquire(self) -> int:
        """Takes a free key; -> the key. Raises StoreUnavailable when PostgreSQL does not answer."""
        try:
            self._conn = await aiopg.connect(self._dsn, timeout=10.0)
            async with self._conn.cursor() as cur:
                for _ in range(_ATTEMPTS):
                    key = random.randint(1, 2**31 - 1)
                    await cur.execute(_TRY_LOCK, {"namespace": NAMESPACE, "key": key})
                    if (await cur.fetchone())[0]:
                        self.key = key
                        return key
        except (psycopg2.Error, OSError) as exc:
            await self.release()
            raise StoreUnavailable(f"postgres: {type(exc).__name__}") from exc
        await self.release()
        raise RuntimeError("no free instance key after 20 tries")

    async def held(self) -> bool:
        """Still ours? (False after PostgreSQL restarted or the connection broke.)"""
        if self._conn is None or self._conn.closed or self.key is None:
            return False
        try:
            async with self._conn.cursor() as cur:
                await cur.execute(f"SELECT count(*) FROM ({LIVE_KEYS}) live WHERE key = %(key)s", {"key": self.key})
                return (await cur.fetchone())[0] == 1
        except (psycopg2.Error, OSError):
            return False

    async def release(self) -> None:
        if self._conn is not None:
            self._conn.close()  # the server drops the lock with the session
            self._conn = None
