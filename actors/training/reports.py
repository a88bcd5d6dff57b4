"""Question reports: students flag a mistake, admins list and resolve them."""
from __future__ import annotations

from actors.training.errors import QuestionNotFound, ReportNotFound
from actors.training.messages import (
    ListReports,
    QuestionReported,
    ReportQuestion,
    ResolveReport,
)
from actors.training.practice import Clock
from actors.training.views import ReportView
from storage.postgres import Database
from storage.postgres.questions_repo import QuestionsRepository
from storage.postgres.reports_repo import ReportRecord, ReportsRepository


def _view(record: ReportRecord) -> ReportView:
    return ReportView.model_validate(record.model_dump())


class Reports:
    def __init__(self, database: Database, clock: Clock) -> None:
        self._db, self._clock = database, clock
        self._reports = ReportsRepository()
        self._questions = QuestionsRepository()

    async def report(self, msg: ReportQuestion) -> ReportView:
        async with self._db.transaction() as tx:
            if not await self._questions.exists(tx, msg.question_id):
                raise QuestionNotFound()
            record = await self._reports.add(tx, msg.user_id, msg.question_id, msg.text.strip() or msg.text,
                                             self._clock())
            await tx.record(QuestionReported(report_id=record.id, user_id=record.user_id,
                                             question_id=record.question_id, external_id=record.external_id))
        return _view(record)

    async def list(self, msg: ListReports) -> list[ReportView]:
        async with self._db.transaction() as tx:
            return [_view(r) for r in await self._reports.list(tx, msg.status, msg.limit, msg.offset)]

    async def resolve(self, msg: ResolveReport) -> ReportView:
        async with self._db.transaction() as tx:
            record = await self._reports.resolve(tx, msg.report_id, status=msg.status, by=msg.admin_user_id,
                                                 note=msg.note, now=self._clock())
        if record is None:
            raise ReportNotFound()
        return _view(record)
