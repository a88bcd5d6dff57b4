"""Forward-only ClickHouse migrations (sql/clickhouse/NNNN_name.sql) with a ledger table.

ClickHouse has no transactions: a file is applied statement by statement, then its ledger row is
written. Every statement is idempotent (IF NOT EXISTS), so a file interrupted half-way is simply
applied again on the next run, and two processes migrating at once do no harm (the ledger is a
ReplacingMergeTree, read grouped by version). A changed applied file is refused by checksum.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import aiohttp
from loguru import logger

from storage.clickhouse.client import ClickHouseTarget
from storage.clickhouse.errors import ClickHouseMigrationError
from storage.migration_files import MigrationFile
from storage.migration_files import discover as discover_files

CREATE_LEDGER = """
    CREATE TABLE IF NOT EXISTS schema_migrations
    (version UInt32, name String, checksum String, applied_at DateTime('UTC'))
    ENGINE = ReplacingMergeTree() ORDER BY version
"""
SELECT_LEDGER = """
    SELECT version, any(name) AS name, any(checksum) AS checksum
    FROM schema_migrations GROUP BY version ORDER BY version
"""
INSERT_LEDGER = "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES"


def discover(directory: Path) -> list[MigrationFile]:
    return discover_files(directory, ClickHouseMigrationError)


async def migrate(target: ClickHouseTarget, session: aiohttp.ClientSession, directory: Path) -> list[str]:
    """Creates the database if needed and applies pending files in order; returns their names."""
    files = discover(directory)
    # The database may not exist yet, and a request naming a missing database fails: bootstrap.
    await target.client(session, "default").execute(f"CREATE DATABASE IF NOT EXISTS {target.database}")
    client = target.client(session)
    await client.execute(CREATE_LEDGER)
    ledger = {row["version"]: (row["name"], row["checksum"]) for row in await client.fetch(SELECT_LEDGER)}
    missing = sorted(set(ledger) - {f.version for f in files})
    if missing:
        raise ClickHouseMigrationError(f"applied migration {ledger[missing[0]][0]} has no file any more")
    applied: list[str] = []
    for file in files:
        if file.version in ledger:
            if ledger[file.version][1] != file.checksum:
                raise ClickHouseMigrationError(
                    f"{file.name}.sql was changed after it was applied; add a new file instead")
            continue
        for statement in file.statements():
            await client.execute(statement)
        now = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
        await client.execute(INSERT_LEDGER, (file.version, file.name, file.checksum, now))
        logger.info("clickhouse migration applied: {}", file.name)
        applied.append(file.name)
    return applied
