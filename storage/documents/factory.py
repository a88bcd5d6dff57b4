"""Picks the adapter by configuration: MongoDB when a URL is given, otherwise PostgreSQL JSONB."""
from __future__ import annotations

from storage.documents.mongo import MongoDocumentStore
from storage.documents.postgres_jsonb import PostgresDocumentStore
from storage.documents.store import DocumentStore
from storage.postgres import Database


def open_document_store(mongo_url: str | None, database: Database, *,
                        mongo_database: str | None = None) -> DocumentStore:
    """The store to use; close() it on shutdown (the PostgreSQL one leaves the pool to its owner)."""
    if mongo_url:
        return MongoDocumentStore.connect(mongo_url, mongo_database)
    return PostgresDocumentStore(database)


def backend_name(store: DocumentStore) -> str:
    return "mongodb" if isinstance(store, MongoDocumentStore) else "postgres-jsonb"
