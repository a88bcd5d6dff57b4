"""The export actor: xlsx exports as jobs. StartExport replies at once with the job; the file is
written by a task this actor owns (cancelled and awaited on stop) under the data dir's exports/."""
from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path
from time import monotonic

from loguru import logger

from actors.export.errors import (
    ExportMailingNotFound,
    ExportNotFound,
    ExportNotReady,
    ExportRejected,
    TooManyExports,
)
from actors.export.job import file_path, remove_old_files, run_export
from actors.export.messages import (
    ExportCompleted,
    ExportFailed,
    ExportFile,
    ExportJobView,
    GetExportFile,
    GetExportJob,
    StartExport,
)
from actors.runtime import Actor, handles
from storage.postgres import Database
from storage.postgres.export_jobs_repo import ExportJobRecord, ExportJobsRepository

STALE_SECONDS = 120.0  # a running job's heartbeat is at most a few seconds apart
_FILTERS = {"subject": {"attempts", "statistics", "questions"}, "date_from": {"attempts", "statistics"},
            "date_to": {"attempts", "statistics"}, "mailing_id": {"mailing"}}


class ExportActor(Actor):
    def __init__(self, database: Database, directory: Path, *, max_running: int = 3,
                 keep_files: timedelta = timedelta(hours=24)) -> None:
        self._db = database
        self._directory = directory
        self._max_running = max_running
        self._keep_seconds = keep_files.total_seconds()
        self._jobs = ExportJobsRepository()

    async def on_start(self) -> None:
        self._running: dict[int, asyncio.Task[None]] = {}
        self._directory.mkdir(parents=True, exist_ok=True)
        async with self._db.transaction() as tx:
            await self._jobs.fail_stale(tx, STALE_SECONDS)
        await asyncio.to_thread(remove_old_files, self._directory, self._keep_seconds)

    async def on_stop(self) -> None:
        for task in self._running.values():
            task.cancel()
        await asyncio.gather(*self._running.values(), return_exceptions=True)

    @handles(StartExport)
    async def start(self, msg: StartExport) -> ExportJobView:
        params = _params(msg)
        if len(self._running) >= self._max_running:
            raise TooManyExports()
        await asyncio.to_thread(remove_old_files, self._directory, self._keep_seconds)
        async with self._db.transaction() as tx:
            job = await self._jobs.create(tx, msg.requested_by, msg.kind, params)
        if job is None:
            raise ExportMailingNotFound(f"there is no mailing {msg.mailing_id}")
        task = asyncio.create_task(self._run(job), name=f"export:{job.id}")
        self._running[job.id] = task
        task.add_done_callback(lambda _, job_id=job.id: self._running.pop(job_id, None))
        return _view(job)

    @handles(GetExportJob, logged=False)
    async def get(self, msg: GetExportJob) -> ExportJobView:
        return _view(await self._load(msg.job_id))

    @handles(GetExportFile, logged=False)
    async def get_file(self, msg: GetExportFile) -> ExportFile:
        job = await self._load(msg.job_id)
        if job.status != "done":
            raise ExportNotReady(f"the export is {job.status}" + (f": {job.error}" if job.error else ""))
        path = file_path(self._directory, job.id)
        if not path.is_file():
            raise ExportNotFound("the export file has expired (or was made by another server); export again")
        return ExportFile(path=str(path), filename=_filename(job), size_bytes=path.stat().st_size)

    async def _load(self, job_id: int) -> ExportJobRecord:
        async with self._db.transaction() as tx:
            await self._jobs.fail_stale(tx, STALE_SECONDS)
            job = await self._jobs.get(tx, job_id)
        if job is None:
            raise ExportNotFound()
        return job

    async def _run(self, job: ExportJobRecord) -> None:
        started = monotonic()
        try:
            rows, size = await run_export(self._db, job, self._directory)
        except asyncio.CancelledError:
            await asyncio.shield(self._fail(job, "interrupted: the service stopped"))
            raise
        except Exception as error:  # noqa: BLE001 - the job fails, the actor goes on
            logger.opt(exception=error).error("export {} ({}) failed", job.id, job.kind)
            await self._fail(job, f"{type(error).__name__}", ExportFailed(
                job_id=job.id, kind=job.kind, user_id=job.requested_by, error=type(error).__name__))
            return
        seconds = monotonic() - started
        async with self._db.transaction() as tx:
            await self._jobs.finish(tx, job.id, rows, file_path(self._directory, job.id).name, size)
            await tx.record(ExportCompleted(job_id=job.id, kind=job.kind, rows=rows, size_bytes=size,
                                            seconds=round(seconds, 3), user_id=job.requested_by))
        logger.info("export {} ({}): {} rows, {} bytes in {:.1f} s", job.id, job.kind, rows, size, seconds)

    async def _fail(self, job: ExportJobRecord, error: str, event: ExportFailed | None = None) -> None:
        try:
            async with self._db.transaction() as tx:
                await self._jobs.fail(tx, job.id, error)
                if event is not None:
                    await tx.record(event)
        except Exception:  # noqa: BLE001 - a stale heartbeat marks it failed later anyway
            logger.warning("export {}: could not record the failure", job.id)


def _params(msg: StartExport) -> dict:
    params = msg.model_dump(mode="json", include=set(_FILTERS), exclude_none=True)
    for name in params:
        if msg.kind not in _FILTERS[name]:
            raise ExportRejected(f"{name} does not apply to the {msg.kind} export")
    if msg.kind == "mailing" and msg.mailing_id is None:
        raise ExportRejected("the mailing export needs mailing_id")
    if msg.date_from and msg.date_to and msg.date_from >= msg.date_to:
        raise ExportRejected("date_from must be before date_to")
    return params


def _filename(job: ExportJobRecord) -> str:
    return f"{job.kind}-{job.id}-{job.created_at:%Y%m%d}.xlsx"


def _view(job: ExportJobRecord) -> ExportJobView:
    if job.status == "done":
        progress = 1.0
    else:
        progress = min(1.0, job.rows_written / job.rows_total) if job.rows_total else 0.0
    return ExportJobView(id=job.id, kind=job.kind, status=job.status, rows_written=job.rows_written,
                         rows_total=job.rows_total, progress=round(progress, 3), filename=_filename(job),
                         size_bytes=job.file_bytes, error=job.error, created_at=job.created_at,
                         finished_at=job.finished_at)
