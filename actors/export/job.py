"""One export job: count the rows, then read them from a server-side cursor and write them into the
sheet on a worker thread of the job's own, while the event loop beats the heartbeat (progress) once
a second; finally move the finished file into place.

Reading and writing share one thread on purpose. Building the sheet's XML is nearly all the work and
holds the GIL; reading the next batch on the event loop meanwhile gained no parallelism and cost GIL
hand-overs on every batch (on a busy machine each one waits for a core): the export spent a fifth of
its time waiting, not working. PostgreSQL's own share is a few percent of the time.
"""
from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from actors.export.xlsx import SheetWriter
from storage.postgres import Database
from storage.postgres.export_jobs_repo import ExportJobRecord, ExportJobsRepository
from storage.postgres.export_queries import (
    REPORTS,
    ReportStream,
    count_rows,
    report_params,
)

BATCH_ROWS = 5000
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
    stream = ReportStream(database.dsn, job.kind, params, BATCH_ROWS)
    writer = SheetWriter(part, SHEET_TITLES[job.kind], REPORTS[job.kind].record)
    stop = threading.Event()
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"export-{job.id}")
    work: asyncio.Future[None] | None = None
    try:
        work = asyncio.get_running_loop().run_in_executor(executor, _write_file, stream, writer, stop)
        while True:
            done, _ = await asyncio.wait({work}, timeout=HEARTBEAT_SECONDS)
            if done:
                break
            async with database.transaction() as tx:
                await jobs.progress(tx, job.id, writer.rows)
        await work
        part.replace(path)
    except BaseException:
        if work is not None and not work.done():
            stop.set()
            stream.cancel()
            await asyncio.gather(work, return_exceptions=True)  # the thread must let go of the file
        part.unlink(missing_ok=True)
        raise
    finally:
        executor.shutdown(wait=False)
    return writer.rows, path.stat().st_size


class ExportStopped(Exception):
    """The job was cancelled while its thread was writing."""


def _write_file(stream: ReportStream, writer: SheetWriter, stop: threading.Event) -> None:
    """The worker thread: every row from the stream into the sheet, then the file (the database
    connection is closed before the workbook is zipped). A failure discards the sheet."""
    try:
        with stream as batches:
            for rows in batches:
                if stop.is_set():
                    raise ExportStopped()
                writer.append(rows)
        if stop.is_set():  # zipping a million rows takes seconds; a stopping service should not wait for it
            raise ExportStopped()
        writer.close()
    except BaseException:
        writer.discard()
        raise


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
