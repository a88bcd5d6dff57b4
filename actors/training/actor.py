"""The training actor: training rounds, simulations and question reports. It owns the sessions,
served questions, attempts, simulations and reports; it reads the bank's questions and bumps their
counters in the attempt's transaction (the bank actor writes everything else of the bank).

Every event it causes is written to the outbox with its fact (practice.py, papers.py, reports.py)."""
from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from actors.bank.messages import QuestionsImported
from actors.runtime import Actor, handles
from actors.training.filters import FiltersFor, no_filters
from actors.training.messages import (
    AnswerResult,
    AnswerSimulationQuestion,
    FinishSession,
    FinishSimulation,
    GetActiveSimulation,
    GetNextQuestion,
    GetSimulation,
    ListReports,
    ListSimulationPapers,
    QuestionView,
    ReportQuestion,
    ReportView,
    ResolveReport,
    ServeQuestion,
    SessionSummary,
    SimulationAnswerSaved,
    SimulationPaper,
    SimulationResult,
    SimulationView,
    SkipQuestion,
    StartSimulation,
    SubmitAnswer,
)
from actors.training.papers import Papers
from actors.training.practice import Practice
from actors.training.question_cache import QuestionCache
from actors.training.reports import Reports
from storage.postgres import Database
from storage.postgres.catalog_repo import CatalogRepository


def utc_now() -> datetime:
    return datetime.now(UTC)


class TrainingActor(Actor):
    def __init__(self, database: Database, filters_for: FiltersFor = no_filters, *,
                 clock: Callable[[], datetime] = utc_now, rng: random.Random | None = None,
                 deadline_grace: timedelta = timedelta(seconds=2),
                 question_cache: QuestionCache | None = None) -> None:
        self._db = database
        rng = rng or random.Random()
        self._question_cache = question_cache or QuestionCache()  # shared by the shards when given
        self._practice = Practice(database, clock, filters_for, self._question_cache)
        self._papers = Papers(database, clock, rng, deadline_grace)
        self._reports = Reports(database, clock)
        self._catalog = CatalogRepository()

    @handles(GetNextQuestion)
    async def next_question(self, msg: GetNextQuestion) -> QuestionView:
        return await self._practice.next_question(msg)

    @handles(QuestionsImported, timed=False)
    async def on_questions_imported(self, event: QuestionsImported) -> None:
        self._question_cache.clear()

    @handles(ServeQuestion)
    async def serve_question(self, msg: ServeQuestion) -> QuestionView:
        return await self._practice.serve(msg)

    @handles(SubmitAnswer)
    async def submit_answer(self, msg: SubmitAnswer) -> AnswerResult:
        return await self._practice.submit(msg)

    @handles(SkipQuestion)
    async def skip_question(self, msg: SkipQuestion) -> None:
        return await self._practice.skip(msg)

    @handles(FinishSession)
    async def finish_session(self, msg: FinishSession) -> SessionSummary:
        return await self._practice.finish(msg)

    @handles(ReportQuestion)
    async def report_question(self, msg: ReportQuestion) -> ReportView:
        return await self._reports.report(msg)

    @handles(ListReports)
    async def list_reports(self, msg: ListReports) -> list[ReportView]:
        return await self._reports.list(msg)

    @handles(ResolveReport)
    async def resolve_report(self, msg: ResolveReport) -> ReportView:
        return await self._reports.resolve(msg)

    @handles(ListSimulationPapers)
    async def list_papers(self, msg: ListSimulationPapers) -> list[SimulationPaper]:
        async with self._db.transaction() as tx:
            papers = await self._catalog.papers(tx, msg.size)
        return [SimulationPaper.model_validate(p.model_dump()) for p in papers]

    @handles(StartSimulation)
    async def start_simulation(self, msg: StartSimulation) -> SimulationView:
        return await self._papers.start(msg)

    @handles(GetSimulation)
    async def get_simulation(self, msg: GetSimulation) -> SimulationView:
        return await self._papers.get(msg.user_id, msg.simulation_id)

    @handles(GetActiveSimulation)
    async def get_active_simulation(self, msg: GetActiveSimulation) -> SimulationView | None:
        return await self._papers.get(msg.user_id, None)

    @handles(AnswerSimulationQuestion)
    async def answer_simulation_question(self, msg: AnswerSimulationQuestion) -> SimulationAnswerSaved:
        return await self._papers.answer(msg)

    @handles(FinishSimulation)
    async def finish_simulation(self, msg: FinishSimulation) -> SimulationResult:
        return await self._papers.finish(msg.user_id, msg.simulation_id)
