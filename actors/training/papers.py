"""Olympiad simulations: start a timed paper, keep answers without verdicts, finish and score it.
Each call is one transaction; it returns its reply with the events to publish after the commit."""
from __future__ import annotations

import random
from datetime import datetime, timedelta

from actors.runtime import Event
from actors.training.errors import (AnswerShapeInvalid, NotEnoughQuestions, ServedQuestionNotFound,
                                    SimulationClosed, SimulationDeadlinePassed, SimulationInProgress,
                                    SimulationNotFound)
from actors.training.events import answer_submitted, question_served
from actors.training.grading import canonical_answer, grade
from actors.training.messages import AnswerSimulationQuestion, SimulationFinished, StartSimulation
from actors.training.practice import Clock
from actors.training.render import question_view
from actors.training.selection import pick_paper
from actors.training.simulation import build_result, past_deadline, seconds_left
from actors.training.views import (SimulationAnswerSaved, SimulationItem, SimulationResult, SimulationView,
                                   SourceView)
from storage.postgres import Database, Tx
from storage.postgres.attempts_repo import AttemptsRepository, AttemptWrite
from storage.postgres.candidates_repo import CandidatesRepository
from storage.postgres.questions_repo import QuestionsRepository
from storage.postgres.simulations_repo import SimulationRecord, SimulationsRepository
from storage.postgres.training_repo import TrainingRepository

Outcome = tuple[object, list[Event]]  # (reply, or a domain error to raise after publishing; events)


class Papers:
    def __init__(self, database: Database, clock: Clock, rng: random.Random, grace: timedelta) -> None:
        self._db, self._clock, self._rng, self._grace = database, clock, rng, grace
        self._sims = SimulationsRepository()
        self._questions = QuestionsRepository()
        self._attempts = AttemptsRepository()
        self._candidates = CandidatesRepository()
        self._served = TrainingRepository()

    async def start(self, msg: StartSimulation) -> Outcome:
        now = self._clock()
        async with self._db.transaction() as tx:
            events = await self._close_expired(tx, await self._sims.open_for_user(tx, msg.user_id), now)
            source_id = await self._candidates.find_paper_source(tx, msg.subject, msg.olympiad, msg.stage,
                                                                  msg.year, msg.size)
            if source_id is None:
                raise NotEnoughQuestions()
            chosen = pick_paper(await self._candidates.for_paper(tx, msg.user_id, msg.subject, source_id),
                                msg.size, self._rng)
            questions = await self._questions.get_many(tx, [c.question_id for c in chosen])
            sim_id = await self._sims.create(
                tx, user_id=msg.user_id, subject=msg.subject, source_id=source_id, channel=msg.channel,
                size=len(chosen), started_at=now, deadline=now + timedelta(minutes=msg.minutes),
                max_score=sum(q.points for q in questions.values()))
            for position, candidate in enumerate(chosen, start=1):
                served = await self._served.serve(tx, user_id=msg.user_id, question_id=candidate.question_id,
                                                  channel=msg.channel, now=now, simulation_id=sim_id,
                                                  position=position)
                events.append(question_served(questions[candidate.question_id], served, "simulation"))
            view = await self._view(tx, await self._sims.get_for_update(tx, sim_id, msg.user_id), now)
        return view, events

    async def _close_expired(self, tx: Tx, open_sim: SimulationRecord | None, now: datetime) -> list[Event]:
        if open_sim is None:
            return []
        if not past_deadline(open_sim.deadline, now, self._grace):
            raise SimulationInProgress(open_sim.id)
        return (await self._finish(tx, open_sim, now))[1]

    async def get(self, user_id: int, simulation_id: int | None) -> Outcome:
        """simulation_id None: the user's unfinished paper, or None."""
        now = self._clock()
        async with self._db.transaction() as tx:
            if simulation_id is None:
                sim = await self._sims.open_for_user(tx, user_id)
                if sim is None:
                    return None, []
            else:
                sim = await self._load(tx, user_id, simulation_id)
            events: list[Event] = []
            if sim.finished_at is None and past_deadline(sim.deadline, now, self._grace):
                events = (await self._finish(tx, sim, now))[1]
                sim = await self._load(tx, user_id, sim.id)
            return await self._view(tx, sim, now), events

    async def answer(self, msg: AnswerSimulationQuestion) -> Outcome:
        now = self._clock()
        async with self._db.transaction() as tx:
            sim = await self._load(tx, msg.user_id, msg.simulation_id)
            if sim.finished_at is not None:
                raise SimulationClosed()
            if past_deadline(sim.deadline, now, self._grace):  # finish it, commit, then refuse
                return SimulationDeadlinePassed(), (await self._finish(tx, sim, now))[1]
            items = await self._sims.items(tx, sim.id)
            item = next((i for i in items if i.served_id == msg.served_id), None)
            if item is None:
                raise ServedQuestionNotFound()
            question = await self._questions.get(tx, item.question_id)
            await self._sims.save_answer(tx, item.served_id, canonical_answer(question, msg.answer), now)
            answered = sum(1 for i in items if i.answer is not None or i.served_id == item.served_id)
        return SimulationAnswerSaved(simulation_id=sim.id, served_id=item.served_id, position=item.position,
                                     answered=answered, size=sim.size,
                                     seconds_left=seconds_left(sim.deadline, now)), []

    async def finish(self, user_id: int, simulation_id: int) -> Outcome:
        async with self._db.transaction() as tx:
            sim = await self._load(tx, user_id, simulation_id)
            if sim.finished_at is not None:
                return await self._result(tx, await self._load(tx, user_id, sim.id)), []
            return await self._finish(tx, sim, self._clock())

    async def _finish(self, tx: Tx, sim: SimulationRecord, now: datetime) -> tuple[SimulationResult, list[Event]]:
        """Grades every kept answer into an attempt, closes the paper, returns its result and events."""
        items = await self._sims.items(tx, sim.id)
        questions = await self._questions.get_many(tx, [i.question_id for i in items])
        events: list[Event] = []
        total = 0.0
        for item in (i for i in items if i.answer is not None):
            question = questions[item.question_id]
            try:
                answer = canonical_answer(question, item.answer)
            except AnswerShapeInvalid:  # the question changed type since: the kept answer earns 0
                answer = None
            verdict = grade(question, answer) if answer is not None else None
            attempt = await self._attempts.insert(tx, AttemptWrite(
                served_id=item.served_id, user_id=sim.user_id, question_id=question.id, answer=item.answer,
                correct=bool(verdict and verdict.correct), score=verdict.score if verdict else 0.0,
                points=verdict.points if verdict else 0.0, max_points=question.points, elapsed_ms=None,
                channel=sim.channel, mode="simulation", created_at=item.answered_at))
            if attempt is not None:
                total += attempt.points
                await self._questions.bump_counters(tx, question.id, attempt.correct)
                events.append(answer_submitted(attempt, question))
        timed_out = now > sim.deadline
        await self._sims.finish(tx, sim.id, finished_at=min(now, sim.deadline), timed_out=timed_out,
                                score=round(total, 2))
        result = await self._result(tx, await self._load(tx, sim.user_id, sim.id))
        events.append(SimulationFinished(
            simulation_id=sim.id, user_id=sim.user_id, subject=sim.subject, source_id=sim.source_id,
            points=result.points, max_points=result.max_points, correct=result.correct,
            answered=result.answered, size=sim.size, timed_out=timed_out, finished_at=result.finished_at,
            channel=sim.channel))
        return result, events

    async def _load(self, tx: Tx, user_id: int, simulation_id: int) -> SimulationRecord:
        sim = await self._sims.get_for_update(tx, simulation_id, user_id)
        if sim is None:
            raise SimulationNotFound()
        return sim

    async def _result(self, tx: Tx, sim: SimulationRecord) -> SimulationResult:
        items = await self._sims.items(tx, sim.id)
        questions = await self._questions.get_many(tx, [i.question_id for i in items])
        attempts = await self._attempts.by_served_ids(tx, [i.served_id for i in items])
        return build_result(sim, items, questions, attempts)

    async def _view(self, tx: Tx, sim: SimulationRecord, now: datetime) -> SimulationView:
        items = await self._sims.items(tx, sim.id)
        questions = await self._questions.get_many(tx, [i.question_id for i in items])
        finished = sim.finished_at is not None
        source = SourceView(id=sim.source_id, olympiad=sim.olympiad, stage=sim.stage, year=sim.year)
        return SimulationView(
            id=sim.id, subject=sim.subject, subject_name=sim.subject_name, source=source,
            size=sim.size, started_at=sim.started_at, deadline=sim.deadline, finished=finished,
            seconds_left=0 if finished else seconds_left(sim.deadline, now),
            items=tuple(SimulationItem(position=i.position, answer=i.answer,
                                       question=question_view(questions[i.question_id], i.served_id, None))
                        for i in items),
            result=await self._result(tx, sim) if finished else None)
