"""Simulation papers and the answers kept on them until the paper is finished."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from psycopg2.extras import Json
from pydantic import BaseModel, ConfigDict

from storage.postgres.tx import Tx

SIMULATION_SELECT = """
    SELECT sim.id, sim.user_id, s.code AS subject, s.name AS subject_name, sim.source_id,
           src.olympiad, src.stage, src.year, sim.channel, sim.size, sim.started_at, sim.deadline,
           sim.finished_at, sim.timed_out, sim.score, sim.max_score
    FROM simulations sim JOIN subjects s ON s.id = sim.subject_id JOIN sources src ON src.id = sim.source_id
"""
CREATE = """
    INSERT INTO simulations (user_id, subject_id, source_id, channel, size, started_at, deadline, max_score)
    SELECT %(user_id)s, s.id, %(source_id)s, %(channel)s, %(size)s, %(started_at)s, %(deadline)s,
           %(max_score)s
    FROM subjects s WHERE s.code = %(subject)s
    RETURNING id
"""
# FOR UPDATE OF sim: answering and finishing the same paper from two processes take turns.
GET_FOR_UPDATE = SIMULATION_SELECT + " WHERE sim.id = %(id)s AND sim.user_id = %(user_id)s FOR UPDATE OF sim"
OPEN_FOR_USER = SIMULATION_SELECT + """
    WHERE sim.user_id = %(user_id)s AND sim.finished_at IS NULL
    ORDER BY sim.started_at DESC LIMIT 1 FOR UPDATE OF sim
"""
FINISH = """
    UPDATE simulations SET finished_at = %(finished_at)s, timed_out = %(timed_out)s, score = %(score)s
    WHERE id = %(id)s AND finished_at IS NULL
"""
PAPER_ITEMS = """
    SELECT sq.id AS served_id, sq.position, sq.question_id, ans.answer, ans.answered_at
    FROM served_questions sq LEFT JOIN simulation_answers ans ON ans.served_id = sq.id
    WHERE sq.simulation_id = %(id)s ORDER BY sq.position
"""
SAVE_ANSWER = """
    INSERT INTO simulation_answers (served_id, answer, answered_at)
    VALUES (%(served_id)s, %(answer)s, %(answered_at)s)
    ON CONFLICT (served_id) DO UPDATE SET answer = EXCLUDED.answer, answered_at = EXCLUDED.answered_at
"""


class SimulationRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    user_id: int
    subject: str
    subject_name: str
    source_id: int
    olympiad: str
    stage: str
    year: int
    channel: str
    size: int
    started_at: datetime
    deadline: datetime
    finished_at: datetime | None
    timed_out: bool
    score: float | None
    max_score: int


class PaperItem(BaseModel):
    """One question of a paper and the answer kept for it (None: not answered yet)."""
    model_config = ConfigDict(frozen=True)

    served_id: int
    position: int
    question_id: int
    answer: Any = None
    answered_at: datetime | None = None


class SimulationsRepository:
    async def create(self, tx: Tx, *, user_id: int, subject: str, source_id: int, channel: str,
                     size: int, started_at: datetime, deadline: datetime, max_score: int) -> int:
        return await tx.fetchval(CREATE, {
            "user_id": user_id, "subject": subject, "source_id": source_id, "channel": channel,
            "size": size, "started_at": started_at, "deadline": deadline, "max_score": max_score})

    async def get_for_update(self, tx: Tx, simulation_id: int, user_id: int) -> SimulationRecord | None:
        row = await tx.fetchone(GET_FOR_UPDATE, {"id": simulation_id, "user_id": user_id})
        return SimulationRecord.model_validate(row) if row else None

    async def open_for_user(self, tx: Tx, user_id: int) -> SimulationRecord | None:
        row = await tx.fetchone(OPEN_FOR_USER, {"user_id": user_id})
        return SimulationRecord.model_validate(row) if row else None

    async def items(self, tx: Tx, simulation_id: int) -> list[PaperItem]:
        return [PaperItem.model_validate(r) for r in await tx.fetchall(PAPER_ITEMS, {"id": simulation_id})]

    async def save_answer(self, tx: Tx, served_id: int, answer: Any, answered_at: datetime) -> None:
        await tx.execute(SAVE_ANSWER, {"served_id": served_id, "answer": Json(answer),
                                       "answered_at": answered_at})

    async def finish(self, tx: Tx, simulation_id: int, *, finished_at: datetime, timed_out: bool,
                     score: float) -> None:
        await tx.execute(FINISH, {"id": simulation_id, "finished_at": finished_at,
                                  "timed_out": timed_out, "score": score})
