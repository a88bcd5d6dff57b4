"""Failed logins by throttle key (migration 0009), timed by the database's clock so that every
instance sees the same window."""
from __future__ import annotations

from datetime import datetime

from storage.postgres.tx import Tx

RECENT = """
    SELECT now() AS now, key, failed_at FROM login_failures
    WHERE key = ANY(%(keys)s) AND failed_at > now() - make_interval(secs => %(window)s)
    UNION ALL SELECT now(), NULL, NULL
"""
RECORD = "INSERT INTO login_failures (key) SELECT unnest(%(keys)s::bytea[])"
FORGET = "DELETE FROM login_failures WHERE key = %(key)s"
PRUNE = "DELETE FROM login_failures WHERE failed_at <= now() - make_interval(secs => %(window)s)"


class LoginFailuresRepository:
    async def recent(self, tx: Tx, keys: list[bytes], window: float) -> tuple[datetime, dict[bytes, list[datetime]]]:
        """The database's now, and each key's failures within the window, newest first."""
        rows = await tx.fetchall(RECENT, {"keys": keys, "window": window})
        failures: dict[bytes, list[datetime]] = {}
        for row in rows:
            if row["key"] is not None:
                failures.setdefault(bytes(row["key"]), []).append(row["failed_at"])
        for times in failures.values():
            times.sort(reverse=True)
        return rows[0]["now"], failures

    async def record(self, tx: Tx, keys: list[bytes]) -> None:
        await tx.execute(RECORD, {"keys": keys})

    async def forget(self, tx: Tx, key: bytes) -> None:
        await tx.execute(FORGET, {"key": key})

    async def prune(self, tx: Tx, window: float) -> int:
        return await tx.execute(PRUNE, {"window": window})
