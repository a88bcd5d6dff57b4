"""`python -m tests.e2e.admin.export_child DSN DIR KIND [FILTERS_JSON]`: runs one export through the
export actor in a process of its own and prints a JSON line: rows, seconds, the file, the RSS once
everything is imported and the process's peak RSS, for memory tests.

The peak is VmHWM, not ru_maxrss: after fork + exec, Linux carries the parent's high-water mark
into the child's ru_maxrss, so a child of a big pytest process would report the parent's size.

It imports what exporting needs (runtime, actors, storage, openpyxl), not the bot library: aiogram's
types alone take ~165 MB at import, which says nothing about the export."""
from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

from actors.export.actor import ExportActor
from actors.export.messages import GetExportFile, GetExportJob, StartExport
from actors.runtime import ActorSystem
from storage.postgres import Database


def memory_mb(field: str) -> float:
    """VmRSS (now) or VmHWM (peak of this program) from /proc/self/status."""
    status = Path("/proc/self/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith(field + ":")).split()[1]) / 1024


async def export(dsn: str, directory: Path, kind: str, filters: dict) -> dict:
    baseline = memory_mb("VmRSS")
    database = Database(dsn, maxsize=4)
    await database.open()
    system = ActorSystem()
    system.spawn("export", lambda: ExportActor(database, directory))
    await system.start()
    started = time.monotonic()
    try:
        job = await system.ask(StartExport(kind=kind, requested_by=filters.pop("requested_by"), **filters))
        while job.status == "running":
            await asyncio.sleep(0.2)
            job = await system.ask(GetExportJob(job_id=job.id))
        seconds = time.monotonic() - started
        file = await system.ask(GetExportFile(job_id=job.id)) if job.status == "done" else None
    finally:
        await system.stop()
        await database.close()
    return {"status": job.status, "error": job.error, "rows": job.rows_written, "seconds": round(seconds, 2),
            "path": file.path if file else None, "baseline_rss_mb": round(baseline, 1),
            "peak_rss_mb": round(memory_mb("VmHWM"), 1)}


if __name__ == "__main__":
    dsn, directory, kind = sys.argv[1:4]
    filters = json.loads(sys.argv[4]) if len(sys.argv) > 4 else {}
    print(json.dumps(asyncio.run(export(dsn, Path(directory), kind, filters))))
