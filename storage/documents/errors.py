"""Errors of the document store, the same for both adapters."""
from __future__ import annotations


class VersionConflict(Exception):
    """The document is not at the version the writer read: someone else wrote it first. Re-read, retry."""

    def __init__(self, collection: str, key: str, expected: int, actual: int | None) -> None:
        super().__init__(f"{collection}/{key}: expected version {expected}, found {actual}")
        self.collection, self.key = collection, key
        self.expected, self.actual = expected, actual


class InvalidDocument(ValueError):
    """A name, key, path, body or query the store refuses (MongoDB's rules, applied to both adapters)."""
