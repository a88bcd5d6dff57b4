"""The local spool: one file per analytics batch, written atomically, read back in write order.

A batch goes to `<seq>-<batch_id>.<table>.json` through a temp file, fsync and rename, so a crash
leaves either the whole batch or nothing. Files are deleted only after ClickHouse acknowledged
them (see replay.py). The total size is capped: a write that would pass the cap is refused and the
caller counts and reports the dropped rows. Files that cannot be read or stored are moved to
`rejected/`, never deleted. Thread-safe: writes run in worker threads.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from storage.clickhouse.batch import RowBatch

STALE_TEMP_SECONDS = 600.0
_NAME = re.compile(r"^(\d{12})-([0-9a-f-]{36})\.([a-z]+)\.json$")


class SpoolCorrupt(Exception):
    """A spool file that cannot be parsed back into a batch."""


@dataclass(frozen=True)
class SpoolEntry:
    path: Path
    seq: int
    size: int


@dataclass(frozen=True)
class SpooledBatch:
    batch: RowBatch
    attempted: bool  # an insert of it was tried before: it may be stored already


class Spool:
    def __init__(self, directory: Path, max_bytes: int) -> None:
        self.directory = directory
        self.max_bytes = max_bytes
        directory.mkdir(parents=True, exist_ok=True)
        for stale in directory.glob("*.tmp"):  # a write cut short by a crash: never renamed, never acked
            with contextlib.suppress(FileNotFoundError):  # (young ones may be another process's write)
                if time.time() - stale.stat().st_mtime > STALE_TEMP_SECONDS:
                    stale.unlink()
        self._lock = threading.Lock()
        entries = self.entries()
        self._next_seq = entries[-1].seq + 1 if entries else 1

    def entries(self) -> list[SpoolEntry]:
        """Spooled batches, oldest first; also resyncs the size (another process may have replayed)."""
        found = []
        for path in self.directory.iterdir():
            match = _NAME.match(path.name)
            if match:
                try:
                    found.append(SpoolEntry(path, int(match.group(1)), path.stat().st_size))
                except FileNotFoundError:  # removed by a concurrent replay
                    continue
        found.sort(key=lambda entry: (entry.seq, entry.path.name))
        with self._lock:
            self._bytes = sum(entry.size for entry in found)
            self._files = len(found)
        return found

    @property
    def size_bytes(self) -> int:
        return self._bytes

    @property
    def file_count(self) -> int:
        return self._files

    def write(self, batch: RowBatch, *, attempted: bool) -> bool:
        """False when the cap refuses the batch (the caller counts the rows as dropped)."""
        data = json.dumps({"table": batch.table, "batch_id": batch.batch_id, "attempted": attempted,
                           "rows": list(batch.rows)}, ensure_ascii=False).encode()
        with self._lock:
            if self._bytes + len(data) > self.max_bytes:
                return False
            seq, self._next_seq = self._next_seq, self._next_seq + 1
            self._bytes += len(data)  # reserved now, so concurrent writers respect the cap
            self._files += 1
        final = self.directory / f"{seq:012d}-{batch.batch_id}.{batch.table}.json"
        temp = final.with_suffix(".tmp")
        try:
            with open(temp, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, final)
        except BaseException:
            temp.unlink(missing_ok=True)
            with self._lock:
                self._bytes -= len(data)
                self._files -= 1
            raise
        return True

    def read(self, entry: SpoolEntry) -> SpooledBatch:
        try:
            doc = json.loads(entry.path.read_bytes())
            batch = RowBatch(doc["table"], doc["batch_id"], tuple(doc["rows"]))
            if any(row.get("batch_id") != batch.batch_id or "event_id" not in row for row in batch.rows):
                raise ValueError("rows do not belong to the batch")
            return SpooledBatch(batch, bool(doc.get("attempted", True)))
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise SpoolCorrupt(f"{entry.path.name}: {type(error).__name__}: {error}") from error

    def remove(self, entry: SpoolEntry) -> None:
        entry.path.unlink(missing_ok=True)
        self._forget(entry)

    def set_aside(self, entry: SpoolEntry) -> Path:
        """Moves an unusable file to rejected/ (kept for a human, out of the replay and the cap)."""
        target = self.directory / "rejected" / entry.path.name
        target.parent.mkdir(exist_ok=True)
        os.replace(entry.path, target)
        self._forget(entry)
        return target

    def put_aside(self, batch: RowBatch) -> Path:
        """Keeps a batch ClickHouse refused in rejected/ (outside the cap: these are rare and precious)."""
        target = self.directory / "rejected" / f"{batch.batch_id}.{batch.table}.json"
        target.parent.mkdir(exist_ok=True)
        target.write_text(json.dumps({"table": batch.table, "batch_id": batch.batch_id, "attempted": True,
                                      "rows": list(batch.rows)}, ensure_ascii=False))
        return target

    def _forget(self, entry: SpoolEntry) -> None:
        with self._lock:
            self._bytes = max(0, self._bytes - entry.size)
            self._files = max(0, self._files - 1)

    @contextmanager
    def exclusive(self) -> Iterator[bool]:
        """True while this holder alone may replay (the service and `apo analytics replay` may race)."""
        with open(self.directory / ".replay.lock", "a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
