"""The training concern's contract with the edges: queries, commands and events.
Replies are in views.py (re-exported here); errors in errors.py."""
from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field, StrictBool, StrictInt

from actors.runtime import Event, Message
from actors.training.views import (  # noqa: F401 - the replies, re-exported with the messages
    AnswerResult,
    ItemVerdict,
    QuestionView,
    ReportView,
    SessionSummary,
    SimulationAnswerSaved,
    SimulationItem,
    SimulationPaper,
    SimulationResult,
    SimulationView,
    SourceView,
    ThemeDebrief,
)

Channel = Literal["bot", "api"]
Mode = Literal["training", "simulation"]
# bool for yes_no, a 0-based index for one, a list of indices for multiple, text for open.
AnswerValue = StrictBool | StrictInt | list[StrictInt] | str


# --- training ----------------------------------------------------------------------------------

class GetNextQuestion(Message):
    """-> QuestionView. session_id None: the user's open session (active within 2 h) or a new one.
    A question shown and not yet answered or skipped is returned again (same served_id).
    Raises NoQuestionMatches, SessionExhausted, SessionNotFound, SessionFinished."""
    user_id: int
    channel: Channel
    mode: Literal["training"] = "training"  # simulations go through StartSimulation / GetSimulation
    session_id: int | None = None
    log_fields = ("user_id", "channel", "session_id")


class ServeQuestion(Message):
    """-> QuestionView: shows this very question in the user's open training session (or a new one), for
    modes that choose questions elsewhere (adaptive, mistakes). Filters do not apply, and the question
    may repeat one served earlier in the session. As with GetNextQuestion, a question shown and not yet
    answered or skipped is returned again instead. Raises QuestionNotFound, SessionNotFound, SessionFinished."""
    user_id: int
    question_id: int
    channel: Channel
    session_id: int | None = None
    log_fields = ("user_id", "question_id", "channel", "session_id")


class SubmitAnswer(Message):
    """-> AnswerResult; a repeat for the same served_id returns the first result, records nothing.
    Raises ServedQuestionNotFound (also for another user's), AnswerShapeInvalid, QuestionSkippedAlready,
    SessionFinished (a question left unanswered when its session was finished)."""
    user_id: int
    served_id: int
    answer: AnswerValue
    elapsed_ms: int | None = Field(None, ge=0, le=86_400_000)
    channel: Channel
    log_fields = ("user_id", "served_id", "channel")


class SkipQuestion(Message):
    """-> None. Repeating it is harmless. Raises ServedQuestionNotFound, QuestionAnsweredAlready,
    SessionFinished."""
    user_id: int
    served_id: int
    log_fields = ("user_id", "served_id")


class FinishSession(Message):
    """-> SessionSummary (repeating it returns the same summary). Raises SessionNotFound."""
    user_id: int
    session_id: int
    log_fields = ("user_id", "session_id")


class ReportQuestion(Message):
    """-> ReportView. Raises QuestionNotFound."""
    user_id: int
    question_id: int
    text: str = Field(min_length=1, max_length=2000)
    log_fields = ("user_id", "question_id")


class ListReports(Message):
    """Admin: -> list[ReportView], oldest first. status None: every status."""
    status: Literal["open", "resolved", "dismissed"] | None = "open"
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0)


class ResolveReport(Message):
    """Admin: -> ReportView. Raises ReportNotFound."""
    report_id: int
    status: Literal["resolved", "dismissed"]
    admin_user_id: int
    note: str | None = Field(None, max_length=2000)
    log_fields = ("report_id", "status", "admin_user_id")


# --- simulation --------------------------------------------------------------------------------

class ListSimulationPapers(Message):
    """-> list[SimulationPaper]: each subject of each source with at least `size` questions."""
    size: int = Field(8, ge=1, le=50)


class StartSimulation(Message):
    """-> SimulationView. year None: the latest year with enough questions.
    Raises NotEnoughQuestions, SimulationInProgress (an earlier paper is still running)."""
    user_id: int
    channel: Channel
    subject: str
    olympiad: str
    stage: str
    year: int | None = None
    size: int = Field(8, ge=1, le=50)
    minutes: int = Field(30, ge=1, le=300)
    log_fields = ("user_id", "channel", "subject", "stage", "year", "size", "minutes")


class GetSimulation(Message):
    """-> SimulationView; past its deadline the paper is finished first. Raises SimulationNotFound."""
    user_id: int
    simulation_id: int
    log_fields = ("user_id", "simulation_id")


class GetActiveSimulation(Message):
    """-> SimulationView | None: the user's unfinished paper; one past its deadline is finished now
    and returned with its result (the user has not seen it yet)."""
    user_id: int
    log_fields = ("user_id",)


class AnswerSimulationQuestion(Message):
    """-> SimulationAnswerSaved (no verdict; answering again replaces the answer).
    Raises SimulationNotFound, ServedQuestionNotFound, AnswerShapeInvalid, SimulationClosed,
    SimulationDeadlinePassed (the paper is finished then)."""
    user_id: int
    simulation_id: int
    served_id: int
    answer: AnswerValue
    log_fields = ("user_id", "simulation_id", "served_id")


class FinishSimulation(Message):
    """-> SimulationResult (repeating it returns the same result). Raises SimulationNotFound."""
    user_id: int
    simulation_id: int
    log_fields = ("user_id", "simulation_id")


# --- events ------------------------------------------------------------------------------------

class AnswerSubmitted(Event):
    """Published after the attempt is committed (for simulations: when the paper is finished)."""
    attempt_id: int
    user_id: int
    question_id: int
    subject: str
    theme: str
    source_id: int | None
    question_type: str
    correct: bool
    score: float
    points: float
    max_points: int
    elapsed_ms: int | None
    answered_at: datetime
    channel: Channel
    mode: Mode


class QuestionServed(Event):
    served_id: int
    user_id: int
    question_id: int
    subject: str
    session_id: int | None
    simulation_id: int | None
    channel: Channel
    mode: Mode
    served_at: datetime


class QuestionSkipped(Event):
    served_id: int
    user_id: int
    question_id: int
    skipped_at: datetime


class QuestionReported(Event):
    report_id: int
    user_id: int
    question_id: int
    external_id: str


class SimulationFinished(Event):
    simulation_id: int
    user_id: int
    subject: str
    source_id: int
    points: float
    max_points: int
    correct: int
    answered: int
    size: int
    timed_out: bool
    finished_at: datetime
    channel: Channel

