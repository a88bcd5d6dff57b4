"""A transaction handle: bound-parameter SQL in, plain dicts out (repositories make models)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Mapping, Protocol, Sequence

import psycopg2.errors
from psycopg2.extras import Json

from storage.postgres.errors import DuplicateKey, MissingReference
from storage.postgres.outbox_sql import INSERT_EVENT, INSERT_EVENTS
from storage.postgres.prepared import Prepared

Params = Mapping[str, Any] | Sequence[Any] | None
Statement = str | Prepared


class Recordable(Protocol):
    """An event as the outbox stores it (actors' Event): its payload and its ordering key."""

    def outbox_key(self) -> int: ...

    def model_dump(self, *, mode: str) -> dict[str, Any]: ...


@dataclass(frozen=True)
class OutboxConfig:
    """Who relays what this process writes: the relay's key claims its own rows (None: nobody here
    relays, e.g. a one-shot CLI command; a running service's poller picks the rows up)."""

    relay_key: int | None = None


@dataclass(frozen=True)
class RecordedEvent:
    id: int
    event_id: Any  # uuid.UUID
    created_at: datetime
    claimed: bool  # True: this instance delivers it now; False: the poller does, in order
    event: Any  # the Recordable that was written


class Tx:
    """Wraps one aiopg cursor inside BEGIN … COMMIT (or one autocommit statement); repositories
    receive it. Events recorded in it reach the relay once it has committed."""

    def __init__(self, cursor: Any, outbox: OutboxConfig | None = None, *, explicit: bool = True) -> None:
        self._cur = cursor
        self._outbox = outbox or OutboxConfig()
        self._explicit = explicit
        self.recorded: list[RecordedEvent] = []

    def outbox_params(self) -> dict[str, Any]:
        """The parameters a statement with an outbox CTE (outbox_repo.record_cte) needs."""
        return {"outbox_me": self._outbox.relay_key}

    async def record(self, event: Recordable) -> RecordedEvent:
        """Writes the event to the outbox in this transaction: it exists exactly when the fact does."""
        if not self._explicit:
            raise RuntimeError("Tx.record needs db.transaction(): in autocommit the event would commit "
                               "apart from its fact (embed it in the statement with record_cte instead)")
        row = await self.fetchone(INSERT_EVENT, {
            **self.outbox_params(), "user_key": event.outbox_key(), "event_type": type(event).__name__,
            "payload": Json(event.model_dump(mode="json"))})
        return self.note(row, event)

    async def record_many(self, events: Sequence[Recordable]) -> None:
        """As record, for many events in one statement."""
        if not events:
            return
        if not self._explicit:
            raise RuntimeError("Tx.record_many needs db.transaction()")
        rows = await self.fetchall(INSERT_EVENTS, {
            **self.outbox_params(), "user_keys": [e.outbox_key() for e in events],
            "event_types": [type(e).__name__ for e in events],
            "payloads": [Json(e.model_dump(mode="json")) for e in events]})
        for row, event in zip(sorted(rows, key=lambda r: r["id"]), events, strict=True):
            self.note(row, event)

    def note(self, row: Mapping[str, Any], event: Recordable) -> RecordedEvent:
        """An outbox row a statement wrote itself (record_cte): the relay gets it after the commit."""
        recorded = RecordedEvent(row["id"], row["event_id"], row["created_at"], row["claimed"], event)
        self.recorded.append(recorded)
        return recorded

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
