"""Forward-only SQL migrations: one transaction per file with its ledger row, checksums, advisory lock."""
from __future__ import annotations

from pathlib import Path

import aiopg
import psycopg2
from loguru import logger

from storage.migration_files import MigrationFile
from storage.migration_files import discover as discover_files
from storage.postgres.errors import MigrationError

# Any constant works; it only has to be the same for every process migrating this database.
ADVISORY_LOCK_KEY = 0x41504F_0001

CREATE_LEDGER = """
    CREATE TABLE IF NOT EXISTS schema_migrations (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        checksum   text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
    )
"""
SELECT_LEDGER = "SELECT version, name, checksum FROM schema_migrations ORDER BY version"
INSERT_LEDGER = "INSERT INTO schema_migrations (version, name, checksum) VALUES (%s, %s, %s)"


def discover(directory: Path) -> list[MigrationFile]:
    return discover_files(directory, MigrationError)


async def migrate(dsn: str, directory: Path, *, timeout: float = 60.0) -> list[str]:
    """Applies pending files in order; returns the names applied. Safe to run from several processes."""
    files = discover(directory)
    async with aiopg.connect(dsn, timeout=timeout) as conn:
        async with conn.cursor() as cur:
            await cur.execute("SELECT pg_advisory_lock(%s)", (ADVISORY_LOCK_KEY,))
            try:
                return await _apply_pending(cur, files)
            finally:
                await cur.execute("SELECT pg_advisory_unlock(%s)", (ADVISORY_LOCK_KEY,))


async def _apply_pending(cur: aiopg.Cursor, files: list[MigrationFile]) -> list[str]:
    await cur.execute(CREATE_LEDGER)
    await cur.execute(SELECT_LEDGER)
    ledger = {version: (name, checksum) for version, name, checksum in await cur.fetchall()}
    known = {f.version for f in files}
    missing = sorted(set(ledger) - known)
    if missing:
        raise MigrationError(f"applied migration {ledger[missing[0]][0]} has no file any more")
    applied: list[str] = []
    for file in files:
        if file.version in ledger:
            if ledger[file.version][1] != file.checksum:
                raise MigrationError(f"{file.name}.sql was changed after it was applied; add a new file instead")
            continue
        await _apply_one(cur, file)
        applied.append(file.name)
    return applied


async def _apply_one(cur: aiopg.Cursor, file: MigrationFile) -> None:
    await cur.execute("BEGIN")
    try:
        await cur.execute(file.sql)
        await cur.execute(INSERT_LEDGER, (file.version, file.name, file.checksum))
    except psycopg2.Error as exc:
        await cur.execute("ROLLBACK")
        detail = (exc.pgerror or str(exc)).strip().splitlines()[0]
        raise MigrationError(f"{file.name}.sql failed and was rolled back: {detail}") from exc
    await cur.execute("COMMIT")
    logger.info("migration applied: {}", file.name)
