"""Olympiad simulations: start a timed paper, keep answers without verdicts, finish and score it.
Each call is one transaction, which records its events (to the outbox) with its facts."""
from __future__ import annotations

import random
from datetime import datetime, timedelta

from actors.training.errors import (
    NotEnoughQuestions,
    ServedQuestionNotFound,
    SimulationClosed,
    SimulationDeadlinePassed,
    SimulationInProgress,
    SimulationNotFound,
)
from actors.training.events import question_served
from actors.training.grading import canonical_answer
from actors.training.messages import AnswerSimulationQuestion, StartSimulation
from actors.training.paper_marking import PaperMarking
from actors.training.practice import Clock
from actors.training.selection import pick_paper
from actors.training.simulation import past_deadline, seconds_left
from actors.training.views import SimulationAnswerSaved, SimulationResult, SimulationView
from storage.postgres import Database, Tx
from storage.postgres.candidates_repo import CandidatesRepository
from storage.postgres.questions_repo import QuestionsRepository
from storage.postgres.simulations_repo import SimulationRecord, SimulationsRepository
from storage.postgres.training_repo import TrainingRepository


class Papers:
    def __init__(self, database: Database, clock: Clock, rng: random.Random, grace: timedelta) -> None:
        self._db, self._clock, self._rng, self._grace = database, clock, rng, grace
        self._sims = SimulationsRepository()
        self._questions = QuestionsRepository()
        self._candidates = CandidatesRepository()
        self._served = TrainingRepository()
        self._marking = PaperMarking()

    async def start(self, msg: StartSimulation) -> SimulationView:
        now = self._clock()
        async with self._db.transaction() as tx:
            await self._close_expired(tx, await self._sims.open_for_user(tx, msg.user_id), now)
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
                await tx.record(question_served(questions[candidate.question_id], served, "simulation"))
            return await self._marking.view(tx, await self._load(tx, msg.user_id, sim_id), now)

    async def _close_expired(self, tx: Tx, open_sim: SimulationRecord | None, now: datetime) -> None:
        if open_sim is None:
            return
        if not past_deadline(open_sim.deadline, now, self._grace):
            raise SimulationInProgress(open_sim.id)
        await self._marking.finish(tx, open_sim, now)

    async def get(self, user_id: int, simulation_id: int | None) -> SimulationView | None:
        """simulation_id None: the user's unfinished paper, or None. Past its deadline: finished now."""
        now = self._clock()
        async with self._db.transaction() as tx:
            if simulation_id is None:
                sim = await self._sims.open_for_user(tx, user_id)
                if sim is None:
                    return None
            else:
                sim = await self._load(tx, user_id, simulation_id)
            if sim.finished_at is None and past_deadline(sim.deadline, now, self._grace):
                await self._marking.finish(tx, sim, now)
                sim = await self._load(tx, user_id, sim.id)
            return await self._marking.view(tx, sim, now)

    async def answer(self, msg: AnswerSimulationQuestion) -> SimulationAnswerSaved:
        now = self._clock()
        async with self._db.transaction() as tx:
            sim = await self._load(tx, msg.user_id, msg.simulation_id)
            if sim.finished_at is not None:
                raise SimulationClosed()
            late = past_deadline(sim.deadline, now, self._grace)
            if late:  # the paper is finished (committed with its events), then the answer refused
                await self._marking.finish(tx, sim, now)
            else:
                items = await self._sims.items(tx, sim.id)
                item = next((i for i in items if i.served_id == msg.served_id), None)
                if item is None:
                    raise ServedQuestionNotFound()
                question = await self._questions.get(tx, item.question_id)
                await self._sims.save_answer(tx, item.served_id, canonical_answer(question, msg.answer), now)
                answered = sum(1 for i in items if i.answer is not None or i.served_id == item.served_id)
        if late:
            raise SimulationDeadlinePassed()
        return SimulationAnswerSaved(simulation_id=sim.id, served_id=item.served_id, position=item.position,
                                     answered=answered, size=sim.size,
                                     seconds_left=seconds_left(sim.deadline, now))

    async def finish(self, user_id: int, simulation_id: int) -> SimulationResult:
        """Finishing twice returns the same result and records nothing the second time."""
        async with self._db.transaction() as tx:
            sim = await self._load(tx, user_id, simulation_id)
            if sim.finished_at is not None:
                return await self._marking.result(tx, sim)
            return await self._marking.finish(tx, sim, self._clock())

    async def _load(self, tx: Tx, user_id: int, simulation_id: int) -> SimulationRecord:
        sim = await self._sims.get_for_update(tx, simulation_id, user_id)
        if sim is None:
            raise SimulationNotFound()
        return sim
