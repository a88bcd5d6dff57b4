"""What every benchmark needs: a throwaway PostgreSQL, a fresh database, child processes on 127.0.0.1."""
from __future__ import annotations

import asyncio
import sys
import tempfile
import uuid
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import AsyncIterator, Iterator
from urllib.parse import urlsplit

import aiopg

from tests.support.fixtures_db import dsn_for_database
from tests.support.servers import postgres


@contextmanager
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL, reached over its Unix socket as `make run`'s embedded one is: on this
    VM every statement's send over TCP 127.0.0.1 cost the service ~9% more CPU (README, Benchmarks)."""
    server = postgres.start()
    try:
        port = urlsplit(server.url).port
        yield f"postgresql://{postgres.USER}@/postgres?host={server.tmpdir}&port={port}"
    finally:
        server.stop()


@asynccontextmanager
async def fresh_database(server_dsn: str) -> AsyncIterator[str]:
    name = "bench_" + uuid.uuid4().hex[:8]
    async with aiopg.connect(server_dsn) as conn, conn.cursor() as cur:
        await cur.execute(f'CREATE DATABASE "{name}"')
    try:
        yield dsn_for_database(server_dsn, name)
    finally:
        async with aiopg.connect(server_dsn) as conn, conn.cursor() as cur:
            await cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def scratch_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="apo-bench-"))


async def run_module(module: str, *args: str, timeout: float = 300.0) -> str:
    """Runs `python -m module args` (the load comes from its own process) and returns its stdout."""
    process = await asyncio.create_subprocess_exec(sys.executable, "-m", module, *args,
                                                   stdout=asyncio.subprocess.PIPE)
    stdout, _ = await asyncio.wait_for(process.communicate(), timeout)
    if process.returncode != 0:
        raise RuntimeError(f"{module} exited with {process.returncode}")
    return stdout.decode()
