"""Documents (per-user statistics and filters): one interface, a MongoDB and a PostgreSQL JSONB adapter."""
from storage.documents.errors import InvalidDocument, VersionConflict
from storage.documents.store import Document, DocumentStore, Index, Sort, Where

__all__ = ["Document", "DocumentStore", "Index", "InvalidDocument", "Sort", "VersionConflict", "Where"]
