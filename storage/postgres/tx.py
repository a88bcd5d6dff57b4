"""A transaction handle: bound-parameter SQL in, plain dicts out (repositories make models)."""
from __future__ import annotations

from typing import Any, Mapping, Sequence

import psycopg2.errors

from storage.postgres.errors import DuplicateKey, MissingReference
from storage.postgres.prepared import Prepared

Params = Mapping[str, Any] | Sequence[Any] | None
Statement = str | Prepared


class Tx:
    """Wraps one aiopg cursor inside BEGIN … COMMIT; repositories receive it."""

    def __init__(self, cursor: Any) -> None:
        self._cur = cursor

    async def execute(self, sql: Statement, params: Params = None) -> int:
        await self._run(sql, params)
        return self._cur.rowcount

    async def fetchone(self, sql: Statement, params: Params = None) -> dict[str, Any] | None:
        await self._run(sql, params)
        row = await self._cur.fetchone()
        return dict(row) if row is not None else None

    async def fetchall(self, sql: Statement, params: Params = None) -> list[dict[str, Any]]:
        await self._run(sql, params)
        return [dict(row) for row in await self._cur.fetchall()]

    async def fetchval(self, sql: Statement, params: Params = None) -> Any:
        row = await self.fetchone(sql, params)
        return next(iter(row.values())) if row else None

    async def _run(self, sql: Statement, params: Params) -> None:
        if isinstance(sql, Prepared):
            await self._prepare(sql)
            sql, params = sql.execute, sql.values(params)  # type: ignore[arg-type]
        try:
            await self._cur.execute(sql, params)
        except psycopg2.errors.UniqueViolation as exc:
            raise DuplicateKey(exc.diag.constraint_name or "unique") from exc
        except psycopg2.errors.ForeignKeyViolation as exc:
            raise MissingReference(exc.diag.constraint_name or "foreign key") from exc

    async def _prepare(self, statement: Prepared) -> None:
        connection = self._cur.connection
        done: set[str] | None = getattr(connection, "_apo_prepared", None)
        if done is None:
            done = set()
            connection._apo_prepared = done
        if statement.name not in done:
            try:
                await self._cur.execute(statement.prepare)
            except psycopg2.errors.DuplicatePreparedStatement:
                pass  # prepared before its name was noted here (an answer lost to a timeout)
            done.add(statement.name)
