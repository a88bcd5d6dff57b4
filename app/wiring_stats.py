"""Wiring of the statistics and filters concerns (issue #5): the document store they share and their
actors. The composition root calls these; nothing here runs on import.

Subscriptions (written down here, made in spawn_stats / spawn_filters):
  AnswerSubmitted (training) -> stats    adds the answer to the user's statistics
  AccountsMerged  (users)    -> stats    rebuilds the target from PostgreSQL, drops the source
  AccountsMerged  (users)    -> filters  the target keeps its filter or takes the source's
  AccountDeleted  (users)    -> stats    drops the user's document (the attempts went in PostgreSQL)
  AccountDeleted  (users)    -> filters  drops the user's filter
Asks (never in a cycle): stats -> users (GetUser: timezone, display name); filters -> bank (GetCatalog);
training -> filters (GetUserFilter, through filters_for).
"""
from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from actors.bank.messages import Catalog, GetCatalog
from actors.filters.actor import FiltersActor
from actors.filters.facets import PostgresFacets
from actors.filters.provider import filters_asker
from actors.runtime import ActorRef, ActorSystem
from actors.stats.actor import Clock, StatsActor, utc_now
from actors.stats.history import PostgresAttemptHistory
from actors.stats.routing import stats_shard_key
from actors.training.filters import FiltersFor
from actors.training.messages import AnswerSubmitted
from actors.users.errors import UserNotFound
from actors.users.messages import AccountDeleted, AccountsMerged, GetUser
from app.config import Settings
from storage.documents import DocumentStore
from storage.documents.factory import backend_name, open_document_store
from storage.postgres import Database, StoreUnavailable

STATS_SHARDS = 4
FILTERS_SHARDS = 2


@asynccontextmanager
async def open_documents(settings: Settings, database: Database) -> AsyncIterator[DocumentStore]:
    """MongoDB when APO_MONGO_URL is set, else PostgreSQL JSONB (the `documents` table, migration 0004).
    Indexes are created by the actors at start (idempotent)."""
    url = settings.mongo_url.get_secret_value() if settings.mongo_url else None
    store = open_document_store(url, database)
    try:
        yield store
    finally:
        await store.close()


def documents_backend(store: DocumentStore) -> str:
    return backend_name(store)


def documents_probe(store: DocumentStore) -> Callable[[], Awaitable[bool]]:
    """For /readyz (app[PROBES]["documents"]): can a document be read right now?"""

    async def probe() -> bool:
        try:
            await store.get("stats", "0")
            return True
        except StoreUnavailable:
            return False

    return probe


def spawn_stats(system: ActorSystem, documents: DocumentStore, database: Database, users: ActorRef, *,
                clock: Clock = utc_now) -> ActorRef:
    async def timezone_of(user_id: int) -> str:
        return (await users.ask(GetUser(user_id=user_id))).timezone

    async def names_of(user_ids: list[int]) -> dict[int, str | None]:
        async def name(user_id: int) -> str | None:
            try:
                return (await users.ask(GetUser(user_id=user_id))).display_name
            except UserNotFound:
                return None

        return dict(zip(user_ids, await asyncio.gather(*(name(u) for u in user_ids)), strict=True))

    history = PostgresAttemptHistory(database)
    stats = system.spawn("stats", lambda: StatsActor(documents, history, timezone_of, names_of, clock),
                         shards=STATS_SHARDS, shard_key=stats_shard_key)
    system.subscribe(AnswerSubmitted, stats)
    system.subscribe(AccountsMerged, stats)
    system.subscribe(AccountDeleted, stats)
    return stats


def spawn_filters(system: ActorSystem, documents: DocumentStore, database: Database,
                  bank: ActorRef | None = None) -> tuple[ActorRef, FiltersFor]:
    async def catalog() -> Catalog:
        # Resolved when asked, so the bank may be spawned after this (it is, next to training).
        return await (bank or system.route(GetCatalog)).ask(GetCatalog())

    facets = PostgresFacets(database)
    filters = system.spawn("filters", lambda: FiltersActor(documents, catalog, facets),
                           shards=FILTERS_SHARDS, shard_key=stats_shard_key)
    system.subscribe(AccountsMerged, filters)
    system.subscribe(AccountDeleted, filters)
    return filters, filters_asker(filters)


def spawn_stats_and_filters(system: ActorSystem, documents: DocumentStore, database: Database,
                            users: ActorRef, bank: ActorRef | None = None, *, clock: Clock = utc_now
                            ) -> tuple[ActorRef, ActorRef, FiltersFor]:
    """-> (stats, filters, filters_for); pass filters_for to spawn_bank_and_training."""
    stats = spawn_stats(system, documents, database, users, clock=clock)
    filters, filters_for = spawn_filters(system, documents, database, bank)
    return stats, filters, filters_for
