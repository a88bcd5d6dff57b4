"""Per-document write locks inside one process (striped: bounded memory, no cleanup needed).

Why: FerretDB v1 on SQLite (our test MongoDB-wire server) runs an update as "read, then write"
without a transaction (FerretDB issue #3040), so two concurrent $inc on one document lose one, and
even `replace_one({_id, version})` lets two writers both match. Serialising a document's writes in
the process makes the adapter correct there; on MongoDB single-document writes are atomic anyway,
so across processes the guarantee is the server's.
"""
from __future__ import annotations

import asyncio
import zlib

STRIPES = 64


class KeyLocks:
    def __init__(self, stripes: int = STRIPES) -> None:
        self._locks = [asyncio.Lock() for _ in range(stripes)]

    def for_key(self, collection: str, key: str) -> asyncio.Lock:
        # crc32, not hash(): stable and cheap; a shared stripe only costs a little waiting.
        return self._locks[zlib.crc32(f"{collection}\x00{key}".encode()) % len(self._locks)]
