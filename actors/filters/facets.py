"""Where question counts come from: the bank's tables, read-only (see storage/postgres/facets_repo.py).
A Protocol, so unit tests count with a fake."""
from __future__ import annotations

from typing import Protocol

from actors.filters.views import FilterSettings
from storage.postgres import Database
from storage.postgres.candidates_repo import QuestionCriteria
from storage.postgres.facets_repo import FacetCounts, FacetsRepository


class FacetSource(Protocol):
    async def count(self, settings: FilterSettings) -> int: ...

    async def counts(self, settings: FilterSettings) -> FacetCounts: ...


def criteria(settings: FilterSettings) -> QuestionCriteria:
    return QuestionCriteria(**settings.to_question_filter().model_dump())


class PostgresFacets:
    def __init__(self, database: Database) -> None:
        self._db = database
        self._repo = FacetsRepository()

    async def count(self, settings: FilterSettings) -> int:
        async with self._db.transaction() as tx:
            return await self._repo.count(tx, criteria(settings))

    async def counts(self, settings: FilterSettings) -> FacetCounts:
        async with self._db.transaction() as tx:
            return await self._repo.counts(tx, criteria(settings))
