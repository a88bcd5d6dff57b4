"""Replies of the training actor. A QuestionView never carries the answer or the explanation: those
come only in an AnswerResult / SimulationResult, after the attempt is recorded."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

QuestionType = Literal["yes_no", "one", "multiple", "open"]


class _Reply(BaseModel):
    model_config = ConfigDict(frozen=True)


class SourceView(_Reply):
    id: int
    olympiad: str
    stage: str
    year: int


class QuestionView(_Reply):
    served_id: int                  # send it back with the answer: the idempotency key
    session_id: int | None          # None inside a simulation
    question_id: int
    subject: str                    # code: "economics"
    subject_name: str
    theme: str
    type: QuestionType
    text: str
    options: tuple[str, ...]        # empty for yes_no and open; answers index it from 0
    points: int
    difficulty: int
    image: str | None
    may_in_subway: bool
    source: SourceView | None


class AnswerResult(_Reply):
    attempt_id: int
    served_id: int
    question_id: int
    correct: bool
    score: float                    # 0..1
    points: float                   # earned: round(score × max_points, 2)
    max_points: int
    correct_answer: Any             # bool | index | sorted indices | accepted strings
    correct_answer_text: str        # rendered for people: "Нет", "3) had left", "2 (± 0.5)"
    explanation: str


class SessionSummary(_Reply):
    session_id: int
    served: int
    answered: int
    correct: int
    skipped: int
    points: float
    max_points: int
    finished_at: datetime | None


class ReportView(_Reply):
    id: int
    user_id: int
    question_id: int
    external_id: str
    text: str
    status: Literal["open", "resolved", "dismissed"]
    created_at: datetime
    resolved_at: datetime | None
    resolved_by: int | None
    note: str | None


class SimulationPaper(_Reply):
    source_id: int
    subject: str
    subject_name: str
    olympiad: str
    stage: str
    year: int
    questions: int                  # how many the bank has for this paper


class SimulationItem(_Reply):
    position: int                   # 1-based, the order on the paper
    question: QuestionView
    answer: Any = None              # what the student gave so far (None: not answered)


class ItemVerdict(_Reply):
    position: int
    served_id: int
    question_id: int
    theme: str
    answer: Any                     # None: not answered (0 points)
    correct: bool
    score: float
    points: float
    max_points: int
    correct_answer: Any
    correct_answer_text: str
    explanation: str


class ThemeDebrief(_Reply):
    theme: str
    questions: int
    correct: int
    points: float
    max_points: int


class SimulationResult(_Reply):
    simulation_id: int
    points: float
    max_points: int
    correct: int
    answered: int
    size: int
    timed_out: bool
    finished_at: datetime
    items: tuple[ItemVerdict, ...]
    themes: tuple[ThemeDebrief, ...]  # weakest theme first


class SimulationView(_Reply):
    id: int
    subject: str
    subject_name: str
    source: SourceView
    size: int
    started_at: datetime
    deadline: datetime
    seconds_left: int               # 0 once finished or past the deadline
    finished: bool
    items: tuple[SimulationItem, ...]
    result: SimulationResult | None  # only once finished


class SimulationAnswerSaved(_Reply):
    simulation_id: int
    served_id: int
    position: int
    answered: int                   # questions of the paper answered so far
    size: int
    seconds_left: int
