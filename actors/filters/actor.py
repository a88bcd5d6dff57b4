"""The filters actor: keeps each user's filter, checks it against the bank, counts what it gives."""
from __future__ import annotations

from collections.abc import Awaitable, Callable

from actors.aspects import cached, invalidate, invalidates
from actors.bank.messages import Catalog
from actors.filters.facets import FacetSource
from actors.filters.messages import (
    FilterOptions,
    FiltersChanged,
    FilterSettings,
    FilterState,
    GetFilterOptions,
    GetUserFilter,
    ResetUserFilter,
    SetUserFilter,
)
from actors.filters.options import filter_options, state
from actors.filters.store import FilterStore
from actors.filters.validate import check_known
from actors.runtime import Actor, handles
from actors.users.messages import AccountDeleted, AccountsMerged
from storage.documents import DocumentStore

CatalogOf = Callable[[], Awaitable[Catalog]]
EVERYTHING = FilterSettings()


def _user_key(msg: object) -> str:
    return str(msg.user_id)


def _target_key(msg: object) -> str:
    return str(msg.target_user_id)


class FiltersActor(Actor):
    def __init__(self, documents: DocumentStore, catalog: CatalogOf, facets: FacetSource) -> None:
        self._store = FilterStore(documents)
        self._catalog = catalog
        self._facets = facets

    @handles(GetUserFilter, logged=False)  # training asks it for every question
    @cached(ttl=300, key=_user_key, namespace="filters")
    async def get_filter(self, msg: GetUserFilter) -> FilterSettings:
        return await self._store.load(msg.user_id) or EVERYTHING

    @handles(SetUserFilter)
    @invalidates("filters", key=_user_key)
    async def set_filter(self, msg: SetUserFilter) -> FilterState:
        check_known(msg.filter, await self._catalog())
        await self._store.save(msg.user_id, msg.filter)
        self.emit(FiltersChanged(user_id=msg.user_id, filter=msg.filter))  # a document, not a row
        return state(msg.filter, await self._facets.count(msg.filter))

    @handles(ResetUserFilter)
    @invalidates("filters", key=_user_key)
    async def reset_filter(self, msg: ResetUserFilter) -> FilterState:
        if await self._store.delete(msg.user_id):
            self.emit(FiltersChanged(user_id=msg.user_id, filter=EVERYTHING))
        return state(EVERYTHING, await self._facets.count(EVERYTHING))

    @handles(GetFilterOptions)
    # not cached: its counts follow the bank, and an import must show at once
    async def get_options(self, msg: GetFilterOptions) -> FilterOptions:
        settings = await self._store.load(msg.user_id) or EVERYTHING
        return filter_options(settings, await self._catalog(), await self._facets.counts(settings))

    @handles(AccountsMerged)
    @invalidates("filters", key=_target_key)
    async def on_merged(self, event: AccountsMerged) -> None:
        source = await self._store.load(event.source_user_id)
        if source is not None and await self._store.load(event.target_user_id) is None:
            await self._store.save(event.target_user_id, source)
        await self._store.delete(event.source_user_id)
        await invalidate("filters", str(event.source_user_id))

    @handles(AccountDeleted)
    @invalidates("filters", key=_user_key)
    async def on_deleted(self, event: AccountDeleted) -> None:
        await self._store.delete(event.user_id)
