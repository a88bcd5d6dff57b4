"""xlsx exports as jobs: start, follow, download (streamed from the file)."""
from __future__ import annotations

from aiohttp import web

from actors.export.messages import (
    ExportJobView,
    GetExportFile,
    GetExportJob,
    StartExport,
)
from actors.users.messages import UserView
from app.admin.schemas import ExportRequest, JobPath
from app.admin.spec import admin_api
from app.api.common import ask

TAGS = ["exports"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@admin_api.post("/exports", body=ExportRequest, response=ExportJobView, status=202, tags=TAGS, admin=True,
                errors=[409])
async def start_export(request: web.Request, body: ExportRequest, principal: UserView) -> ExportJobView:
    """Start an export job (users, attempts, statistics, questions or a mailing's results)."""
    return await ask(request, StartExport(requested_by=principal.id, **body.model_dump()))


@admin_api.get("/exports/{job_id}", path=JobPath, response=ExportJobView, tags=TAGS, admin=True, errors=[404])
async def export_job(request: web.Request, path: JobPath) -> ExportJobView:
    """The job's status and progress."""
    return await ask(request, GetExportJob(job_id=path.job_id))


@admin_api.get("/exports/{job_id}/file", path=JobPath, tags=TAGS, admin=True, errors=[404, 409])
async def download_export(request: web.Request, path: JobPath) -> web.StreamResponse:
    """The finished xlsx file (kept for 24 hours)."""
    file = await ask(request, GetExportFile(job_id=path.job_id))
    return web.FileResponse(file.path, headers={
        "Content-Type": XLSX, "Content-Disposition": f'attachment; filename="{file.filename}"'})
