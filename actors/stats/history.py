"""Where a rebuild reads answers from: the attempts in PostgreSQL, the source of truth."""
from __future__ import annotations

from datetime import UTC
from typing import Protocol

from actors.stats.apply import AnswerFact
from storage.postgres import Database
from storage.postgres.attempt_facts_repo import AttemptFactsRepository


class AttemptHistory(Protocol):
    async def user_ids(self) -> list[int]:
        """Every user with at least one attempt."""

    async def page(self, user_id: int, after_id: int, limit: int) -> list[AnswerFact]:
        """The user's attempts with id > after_id, by id."""


class PostgresAttemptHistory:
    def __init__(self, database: Database) -> None:
        self._db = database
        self._repo = AttemptFactsRepository()

    async def user_ids(self) -> list[int]:
        async with self._db.transaction() as tx:
            return await self._repo.user_ids(tx)

    async def page(self, user_id: int, after_id: int, limit: int) -> list[AnswerFact]:
        async with self._db.transaction() as tx:
            records = await self._repo.page(tx, user_id, after_id, limit)
        # UTC, as training stamps AnswerSubmitted.answered_at: the stored text must be identical.
        return [r.model_copy(update={"answered_at": r.answered_at.astimezone(UTC)}) for r in records]
