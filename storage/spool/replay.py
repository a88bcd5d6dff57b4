"""Replays spooled batches into ClickHouse, oldest first, deleting each file only once acknowledged.

Every replayed batch is inserted with dedupe=True: its earlier insert may have been stored before
the process lost the acknowledgement (or before it could delete the file), and the writer then
skips the rows already there. A replay stops at the first "ClickHouse unavailable" so the order is
kept; a file that can never be stored (corrupt, or refused as data) is set aside and reported.
"""
from __future__ import annotations

import asyncio
from dataclasses import dataclass

from loguru import logger

from storage.clickhouse.batch import RowWriter
from storage.clickhouse.errors import ClickHouseUnavailable
from storage.clickhouse.writer import ClickHouseRejected
from storage.spool.spool import Spool, SpoolCorrupt


@dataclass
class ReplayResult:
    batches: int = 0  # files stored and deleted
    rows: int = 0  # rows written now
    already_stored: int = 0  # rows skipped because an earlier attempt had stored them
    rejected_rows: int = 0  # rows set aside in rejected/ (counted as dropped by the caller)
    rejected_files: int = 0
    left: int = 0  # files still waiting (ClickHouse went away, or another process is replaying)
    error: str | None = None


async def replay(spool: Spool, writer: RowWriter) -> ReplayResult:
    result = ReplayResult()
    with spool.exclusive() as alone:
        if not alone:
            result.error = "another process is replaying this spool"
            result.left = len(await asyncio.to_thread(spool.entries))
            return result
        entries = await asyncio.to_thread(spool.entries)
        for index, entry in enumerate(entries):
            try:
                spooled = await asyncio.to_thread(spool.read, entry)
                written = await writer.insert(spooled.batch, dedupe=True)
            except SpoolCorrupt as error:
                _reject(spool, entry, result, 0, str(error))
                continue
            except ClickHouseRejected as error:
                _reject(spool, entry, result, len(spooled.batch), str(error))
                continue
            except ClickHouseUnavailable as error:
                result.error = str(error)
                result.left = len(entries) - index
                break
            await asyncio.to_thread(spool.remove, entry)
            result.batches += 1
            result.rows += written
            result.already_stored += len(spooled.batch) - written
    return result


def _reject(spool: Spool, entry, result: ReplayResult, rows: int, reason: str) -> None:
    kept = spool.set_aside(entry)
    result.rejected_files += 1
    result.rejected_rows += rows
    logger.error("analytics spool file set aside, {} rows not stored: {} (kept as {})", rows, reason, kept)
