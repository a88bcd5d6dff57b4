"""Bank tools: import questions from an uploaded file, export the bank, question reports."""
from __future__ import annotations

from aiohttp import web

from actors.bank.errors import ImportRejected
from actors.bank.messages import ExportQuestions, ImportQuestions, ImportSummary
from actors.training.messages import ListReports, ReportView, ResolveReport
from actors.users.messages import UserView
from app.admin.schemas import BankExportQuery, ReportPath, ReportsQuery, ResolveRequest
from app.admin.spec import admin_api
from app.admin.uploads import read_upload
from app.api.common import ask
from app.http import ProblemError
from app.keys import ACTORS

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
IMPORT_TIMEOUT_SECONDS = 120.0  # a big bank takes longer than an ordinary ask


@admin_api.post("/bank/import", upload="file", response=ImportSummary, tags=["bank"], admin=True)
async def import_questions(request: web.Request) -> ImportSummary:
    """Import questions from an .xlsx or .json file sent as multipart/form-data (part `file`).
    All or nothing: any bad row answers 422 with every row's errors, and nothing is imported."""
    content, filename = await read_upload(request, MAX_UPLOAD_BYTES)
    try:
        return await request.app[ACTORS].ask(ImportQuestions(content=content, filename=filename),
                                             timeout=IMPORT_TIMEOUT_SECONDS)
    except ImportRejected as rejected:
        raise _rejected(rejected) from None


@admin_api.get("/bank/export", query=BankExportQuery, tags=["bank"], admin=True)
async def export_questions(request: web.Request, query: BankExportQuery) -> web.Response:
    """The whole bank in the import format (an export imports back unchanged)."""
    exported = await ask(request, ExportQuestions(format=query.format))
    return web.Response(body=exported.content, content_type=exported.content_type, headers={
        "Content-Disposition": f'attachment; filename="{exported.filename}"'})


@admin_api.get("/reports", query=ReportsQuery, response=list[ReportView], tags=["reports"], admin=True)
async def list_reports(request: web.Request, query: ReportsQuery) -> list[ReportView]:
    """Question reports ("there is a mistake"), oldest first."""
    status = None if query.status == "all" else query.status
    return await ask(request, ListReports(status=status, limit=query.limit, offset=query.offset))


@admin_api.post("/reports/{report_id}/resolve", path=ReportPath, body=ResolveRequest, response=ReportView,
                tags=["reports"], admin=True, errors=[404])
async def resolve_report(request: web.Request, path: ReportPath, body: ResolveRequest,
                         principal: UserView) -> ReportView:
    """Mark a report resolved (the question was fixed) or dismissed."""
    return await ask(request, ResolveReport(report_id=path.report_id, status=body.status,
                                            admin_user_id=principal.id, note=body.note))


def _rejected(rejected: ImportRejected) -> ProblemError:
    errors = [{"loc": "file" if e.row is None else f"row {e.row}" + (f".{e.field}" if e.field else ""),
               "msg": e.message, "type": "import_row", "row": e.row, "field": e.field} for e in rejected.errors]
    return ProblemError(422, "Import rejected", str(rejected), type_="import-rejected",
                        extensions={"errors": errors, "imported": 0})
