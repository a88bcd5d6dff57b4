"""Marking a simulation paper and showing it: the kept answers become attempts when the paper is
finished, and a paper reads back the same (items, and once finished its result) every time."""
from __future__ import annotations

from datetime import datetime

from actors.training.errors import AnswerShapeInvalid
from actors.training.events import answer_submitted
from actors.training.grading import canonical_answer, grade
from actors.training.messages import SimulationFinished
from actors.training.render import question_view
from actors.training.simulation import build_result, seconds_left
from actors.training.views import (
    SimulationItem,
    SimulationResult,
    SimulationView,
    SourceView,
)
from storage.postgres import Tx
from storage.postgres.attempts_repo import AttemptsRepository, AttemptWrite
from storage.postgres.questions_repo import QuestionRecord, QuestionsRepository
from storage.postgres.simulations_repo import (
    PaperItem,
    SimulationRecord,
    SimulationsRepository,
)


class PaperMarking:
    def __init__(self) -> None:
        self._sims = SimulationsRepository()
        self._questions = QuestionsRepository()
        self._attempts = AttemptsRepository()

    async def finish(self, tx: Tx, sim: SimulationRecord, now: datetime) -> SimulationResult:
        """Grades every kept answer into an attempt, closes the paper, records the events."""
        items = await self._sims.items(tx, sim.id)
        questions = await self._questions.get_many(tx, [i.question_id for i in items])
        total = 0.0
        for item in (i for i in items if i.answer is not None):
            attempt = await self._attempts.insert(tx, _attempt(sim, item, questions[item.question_id]))
            if attempt is not None:  # None: already marked (never twice)
                total += attempt.points
                await self._questions.bump_counters(tx, attempt.question_id, attempt.correct)
                await tx.record(answer_submitted(attempt, questions[item.question_id]))
        timed_out = now > sim.deadline
        await self._sims.finish(tx, sim.id, finished_at=min(now, sim.deadline), timed_out=timed_out,
                                score=round(total, 2))
        result = await self.result(tx, await self._sims.get_for_update(tx, sim.id, sim.user_id))
        await tx.record(SimulationFinished(
            simulation_id=sim.id, user_id=sim.user_id, subject=sim.subject, source_id=sim.source_id,
            points=result.points, max_points=result.max_points, correct=result.correct,
            answered=result.answered, size=sim.size, timed_out=timed_out, finished_at=result.finished_at,
            channel=sim.channel))
        return result

    async def result(self, tx: Tx, sim: SimulationRecord) -> SimulationResult:
        items = await self._sims.items(tx, sim.id)
        questions = await self._questions.get_many(tx, [i.question_id for i in items])
        attempts = await self._attempts.by_served_ids(tx, [i.served_id for i in items])
        return build_result(sim, items, questions, attempts)

    async def view(self, tx: Tx, sim: SimulationRecord, now: datetime) -> SimulationView:
        items = await self._sims.items(tx, sim.id)
        questions = await self._questions.get_many(tx, [i.question_id for i in items])
        finished = sim.finished_at is not None
        return SimulationView(
            id=sim.id, subject=sim.subject, subject_name=sim.subject_name,
            source=SourceView(id=sim.source_id, olympiad=sim.olympiad, stage=sim.stage, year=sim.year),
            size=sim.size, started_at=sim.started_at, deadline=sim.deadline, finished=finished,
            seconds_left=0 if finished else seconds_left(sim.deadline, now),
            items=tuple(SimulationItem(position=i.position, answer=i.answer,
                                       question=question_view(questions[i.question_id], i.served_id, None))
                        for i in items),
            result=await self.result(tx, sim) if finished else None)


def _attempt(sim: SimulationRecord, item: PaperItem, question: QuestionRecord) -> AttemptWrite:
    try:
        verdict = grade(question, canonical_answer(question, item.answer))
    except AnswerShapeInvalid:  # the question changed type since it was answered: the answer earns 0
        verdict = None
    return AttemptWrite(
        served_id=item.served_id, user_id=sim.user_id, question_id=question.id, answer=item.answer,
        correct=bool(verdict and verdict.correct), score=verdict.score if verdict else 0.0,
        points=verdict.points if verdict else 0.0, max_points=question.points, elapsed_ms=None,
        channel=sim.channel, mode="simulation", created_at=item.answered_at)
