"""Training rounds: next question, answer, skip, finish. Each call is one transaction (or one
statement) that writes its fact and its event (to the outbox) together."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from actors.training.errors import (
    NoQuestionMatches,
    QuestionAnsweredAlready,
    QuestionNotFound,
    QuestionSkippedAlready,
    ServedQuestionNotFound,
    SessionExhausted,
    SessionFinished,
    SessionNotFound,
)
from actors.training.events import answer_submitted, question_served
from actors.training.filters import FiltersFor
from actors.training.grading import canonical_answer, grade
from actors.training.messages import (
    FinishSession,
    GetNextQuestion,
    QuestionSkipped,
    ServeQuestion,
    SkipQuestion,
    SubmitAnswer,
)
from actors.training.question_cache import QuestionCache
from actors.training.render import correct_answer_text, question_view
from actors.training.served_memory import ServedMemory
from actors.training.views import AnswerResult, QuestionView, SessionSummary
from storage.postgres import Database, Tx
from storage.postgres.attempts_repo import (
    AttemptRecord,
    AttemptsRepository,
    AttemptWrite,
)
from storage.postgres.candidates_repo import CandidatesRepository, QuestionCriteria
from storage.postgres.questions_repo import QuestionRecord
from storage.postgres.training_repo import (
    ServedRecord,
    TouchedSession,
    TrainingRepository,
)

# A session idle for longer than this is not continued by GetNextQuestion(session_id=None).
SESSION_IDLE = timedelta(hours=2)
MAX_ELAPSED_MS = 86_400_000

Clock = Callable[[], datetime]


class Practice:
    def __init__(self, database: Database, clock: Clock, filters_for: FiltersFor,
                 question_cache: QuestionCache) -> None:
        self._db, self._clock, self._filters_for = database, clock, filters_for
        self._question_cache = question_cache
        self._served = ServedMemory()
        self._sessions = TrainingRepository()
        self._attempts = AttemptsRepository()
        self._candidates = CandidatesRepository()

    async def next_question(self, msg: GetNextQuestion) -> QuestionView:
        wanted = await self._filters_for(msg.user_id)
        criteria = QuestionCriteria.model_validate(wanted.model_dump())
        now = self._clock()
        # One statement touches the session and serves the best candidate (storage: NEXT_QUESTION);
        # a count follows only when nothing was left. No BEGIN/COMMIT: this user's messages are
        # serialized by the shard.
        async with self._db.autocommit() as tx:
            found = await self._candidates.next_question(tx, msg.user_id, msg.session_id, criteria, msg.channel,
                                                         now, open_since=now - SESSION_IDLE)
            if found is None:
                raise SessionNotFound()
            touched, served = found.touched, found.served
            if touched.session.finished_at is not None:
                raise SessionFinished()
            if (pending := await self._pending(tx, touched)) is not None:
                return pending
            if served is None:
                if await self._candidates.count_matching(tx, criteria):
                    raise SessionExhausted(touched.session.id)
                raise NoQuestionMatches()
            question = await self._question_cache.get(tx, served.question_id)
            tx.note(found.recorded, question_served(question, served, "training"))
        self._served.keep(served)
        return question_view(question, served.id, served.session_id)

    async def serve(self, msg: ServeQuestion) -> QuestionView:
        """A chosen question (adaptive, mistakes) in the user's session; the pending one wins."""
        now = self._clock()
        async with self._db.transaction() as tx:
            touched = await self._session(tx, msg, now)
            session = touched.session
            if (pending := await self._pending(tx, touched)) is not None:
                return pending
            question = await self._question_cache.get(tx, msg.question_id)
            if question is None:
                raise QuestionNotFound()
            served = await self._sessions.serve(tx, user_id=msg.user_id, question_id=question.id,
                                                channel=msg.channel, now=now, session_id=session.id)
            await tx.record(question_served(question, served, "training"))
        self._served.keep(served)
        return question_view(question, served.id, session.id)

    async def _pending(self, tx: Tx, touched: TouchedSession) -> QuestionView | None:
        """The question still on screen in this session: a retried request sees it again."""
        if touched.pending_served_id is None:
            return None
        question = await self._question_cache.get(tx, touched.pending_question_id)
        return question_view(question, touched.pending_served_id, touched.session.id)

    async def _session(self, tx: Tx, msg: GetNextQuestion | ServeQuestion, now: datetime) -> TouchedSession:
        if msg.session_id is not None:
            touched = await self._sessions.touch_by_id(tx, msg.session_id, msg.user_id, now)
            if touched is None:
                raise SessionNotFound()
            if touched.session.finished_at is not None:
                raise SessionFinished()
            return touched
        touched = await self._sessions.touch_latest_open(tx, msg.user_id, now - SESSION_IDLE, now)
        if touched is not None:
            return touched
        created = await self._sessions.create_session(tx, msg.user_id, msg.channel, now)
        return TouchedSession(session=created, pending_served_id=None, pending_question_id=None)

    async def submit(self, msg: SubmitAnswer) -> AnswerResult:
        now = self._clock()
        # One statement when this shard served the question (the guarded insert of the attempt with
        # its counters, its own transaction); otherwise, or when the insert finds the question
        # answered or skipped, a read first. A concurrent submit of the same served id loses on the
        # unique served_id.
        async with self._db.autocommit() as tx:
            remembered = self._served.get(msg.served_id, msg.user_id)
            if remembered is not None and remembered.session_id is not None:
                attempt, question = await self._insert_attempt(tx, msg, remembered, now)
                if attempt is not None:
                    self._served.forget(remembered.id)
                    return answer_result(attempt, question)
            found = await self._sessions.get_served_and_attempt(tx, msg.served_id, msg.user_id)
            if found is None or found[0].session_id is None:
                raise ServedQuestionNotFound()
            served, earlier = found
            self._served.forget(served.id)
            if earlier is not None:  # a double press or a retried request: the first result stands
                return answer_result(earlier, await self._question_cache.get(tx, served.question_id))
            if served.skipped_at is not None:
                raise QuestionSkippedAlready()
            await self._check_unfinished(tx, served)
            attempt, question = await self._insert_attempt(tx, msg, served, now)
            if attempt is None:  # a concurrent submit (another process) committed first, or a skip
                earlier = await self._attempts.by_served(tx, served.id)
                if earlier is None:
                    raise QuestionSkippedAlready()
                return answer_result(earlier, question)
        return answer_result(attempt, question)

    async def _insert_attempt(self, tx: Tx, msg: SubmitAnswer, served: ServedRecord,
                              now: datetime) -> tuple[AttemptRecord | None, QuestionRecord]:
        """Grades the answer and writes the attempt with its AnswerSubmitted; None when the question
        is answered or skipped."""
        question = await self._question_cache.get(tx, served.question_id)
        answer = canonical_answer(question, msg.answer)
        verdict = grade(question, answer)
        write = AttemptWrite(
            served_id=served.id, user_id=msg.user_id, question_id=question.id, answer=answer,
            correct=verdict.correct, score=verdict.score, points=verdict.points,
            max_points=question.points, elapsed_ms=_elapsed_ms(msg, served.served_at, now),
            channel=msg.channel, mode="training", created_at=now)
        unnumbered = answer_submitted(AttemptRecord(id=0, **write.model_dump()), question)  # the id: SQL's
        written = await self._attempts.insert_training(tx, write, served.session_id, unnumbered)
        if written is None:
            return None, question
        attempt, recorded = written
        tx.note(recorded, answer_submitted(attempt, question))
        return attempt, question

    async def skip(self, msg: SkipQuestion) -> None:
        now = self._clock()
        async with self._db.transaction() as tx:
            served = await self._sessions.get_served(tx, msg.served_id, msg.user_id)
            if served is None or served.session_id is None:
                raise ServedQuestionNotFound()
            if await self._attempts.by_served(tx, served.id) is not None:
                raise QuestionAnsweredAlready()
            if served.skipped_at is not None:
                return
            await self._check_unfinished(tx, served)
            await self._sessions.skip(tx, served.id, now)
            await tx.record(QuestionSkipped(served_id=served.id, user_id=msg.user_id,
                                            question_id=served.question_id, skipped_at=now))

    async def _check_unfinished(self, tx: Tx, served: ServedRecord) -> None:
        """A finished session's summary stands: its questions take no new answer or skip."""
        session = await self._sessions.get_session(tx, served.session_id, served.user_id)
        if session is not None and session.finished_at is not None:
            raise SessionFinished()

    async def finish(self, msg: FinishSession) -> SessionSummary:
        async with self._db.transaction() as tx:
            session = await self._sessions.get_session(tx, msg.session_id, msg.user_id)
            if session is None:
                raise SessionNotFound()
            await self._sessions.finish_session(tx, session.id, self._clock())
            totals = await self._sessions.session_totals(tx, session.id)
            session = await self._sessions.get_session(tx, session.id, msg.user_id)
        return SessionSummary(session_id=session.id, finished_at=session.finished_at, **totals.model_dump())


def _elapsed_ms(msg: SubmitAnswer, served_at: datetime, now: datetime) -> int:
    """The client's measure when it sends one, else the server's: from showing to answer."""
    if msg.elapsed_ms is not None:
        return msg.elapsed_ms
    return max(0, min(MAX_ELAPSED_MS, int((now - served_at).total_seconds() * 1000)))


def answer_result(attempt: AttemptRecord, question: QuestionRecord) -> AnswerResult:
    return AnswerResult(
        attempt_id=attempt.id, served_id=attempt.served_id, question_id=question.id,
        correct=attempt.correct, score=attempt.score, points=attempt.points, max_points=attempt.max_points,
        correct_answer=question.correct_answer, correct_answer_text=correct_answer_text(question),
        explanation=question.explanation)
