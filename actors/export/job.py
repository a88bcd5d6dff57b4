"""One export job: count the rows, stream them from a server-side cursor into the sheet (appended
on a worker thread, so the event loop keeps serving), then move the finished file into place."""
from __future__ import annotations

import asyncio
import time
from pathlib import Path
from time import monotonic

from actors.export.xlsx import SheetWriter
from storage.postgres import Database
from storage.postgres.export_jobs_repo import ExportJobRecord, ExportJobsRepository
from storage.postgres.export_queries import (
    REPORTS,
    count_rows,
    report_params,
    stream_rows,
)

BATCH_ROWS = 2000
HEARTBEAT_SECONDS = 1.0
SHEET_TITLES = {"users": "Users", "attempts": "Attempts", "statistics": "Statistics", "questions": "Questions",
                "mailing": "Mailing results"}


def file_path(directory: Path, job_id: int) -> Path:
    return directory / f"export-{job_id}.xlsx"


async def run_export(database: Database, job: ExportJobRecord, directory: Path) -> tuple[int, int]:
    """Writes the job's file; returns (rows, bytes). A failure leaves no file behind."""
    jobs = ExportJobsRepository()
    params = report_params(**job.params)
    async with database.transaction() as tx:
        await jobs.set_total(tx, job.id, await count_rows(tx, job.kind, params))
    path = file_path(directory, job.id)
    part = path.with_name(path.name + ".part")  # readers never see a half-written file
    writer = SheetWriter(part, SHEET_TITLES[job.kind], REPORTS[job.kind].record)
    writing: asyncio.Future[None] | None = None
    try:
        beat = monotonic()
        async with database.transaction() as tx:
            async for batch in stream_rows(tx, job.kind, params, BATCH_ROWS):
                if writing is not None:
                    await writing
                # The next batch is fetched while this one is written: one batch in each hand.
                writing = asyncio.ensure_future(asyncio.to_thread(writer.append, batch))
                if monotonic() - beat >= HEARTBEAT_SECONDS:
                    beat = monotonic()
                    async with database.transaction() as progress_tx:
                        await jobs.progress(progress_tx, job.id, writer.rows)
        if writing is not None:
            await writing
        await asyncio.to_thread(writer.close)
        part.replace(path)
    except BaseException:
        if writing is not None and not writing.done():
            await asyncio.gather(writing, return_exceptions=True)  # the thread must let go of the sheet
        part.unlink(missing_ok=True)
        raise
    return writer.rows, path.stat().st_size


def remove_old_files(directory: Path, max_age_seconds: float) -> int:
    """Exports are kept for a while, then deleted (a download after that is "not found")."""
    removed = 0
    now = time.time()
    for path in directory.glob("export-*.xlsx*"):
        try:
            if now - path.stat().st_mtime > max_age_seconds:
                path.unlink()
                removed += 1
        except FileNotFoundError:
            continue
    return removed

