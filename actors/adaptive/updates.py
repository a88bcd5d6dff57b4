"""Applying one answer: both ratings and the review card move in one transaction, once per attempt."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime

from actors.adaptive.questions import current_rating, guess_of
from actors.adaptive.rating import student_prior, update
from actors.adaptive.scheduler import CardState, MistakesScheduler, grade_answer
from actors.training.messages import AnswerSubmitted
from storage.postgres import Database, Tx
from storage.postgres.ratings_repo import QuestionRow, RatingsRepository
from storage.postgres.reviews_repo import CardRow, ReviewsRepository

Clock = Callable[[], datetime]


class AnswerApplier:
    def __init__(self, database: Database, scheduler: MistakesScheduler, clock: Clock) -> None:
        self._db, self._scheduler, self._clock = database, scheduler, clock
        self._ratings = RatingsRepository()
        self._reviews = ReviewsRepository()

    async def apply(self, event: AnswerSubmitted) -> bool:
        """False when there was nothing to do: the attempt was applied before, or the question is gone."""
        async with self._db.transaction() as tx:
            question = await self._ratings.question(tx, event.question_id)
            if question is None:
                return False
            if not await self._ratings.claim_attempt(tx, event.attempt_id, event.user_id, question, self._clock()):
                return False
            values = await self._rate(tx, event, question)
            values["review_grade"] = await self._review(tx, event)
            await self._ratings.record_update(tx, event.attempt_id, **values)
        return True

    async def _rate(self, tx: Tx, event: AnswerSubmitted, question: QuestionRow) -> dict[str, float]:
        seed = current_rating(question, counted_answer=event.correct)
        rated_question = await self._ratings.lock_question(tx, question.question_id, seed)
        mine = await self._ratings.user_ratings(tx, event.user_id)
        others = [r.rating for r in mine if r.subject != question.subject]
        student = await self._ratings.lock_user(tx, event.user_id, question.subject_id, student_prior(others))
        moved = update(student.rating, student.answers, rated_question.rating, rated_question.answers,
                       guess_of(question), event.score)
        now = self._clock()
        await self._ratings.save_user(tx, event.user_id, question.subject_id, moved.student, event.score, now)
        await self._ratings.save_question(tx, question.question_id, moved.question, now)
        return {"expected": moved.expected, "outcome": event.score, "user_before": student.rating,
                "user_after": moved.student, "question_before": rated_question.rating,
                "question_after": moved.question}

    async def _review(self, tx: Tx, event: AnswerSubmitted) -> int | None:
        """The FSRS grade given to the question's card; None when no card exists or was opened."""
        stored = await self._reviews.card(tx, event.user_id, event.question_id)
        grade = grade_answer(event.correct, event.elapsed_ms, event.question_type)
        card = self._scheduler.review(CardState(**stored.model_dump()) if stored else None, grade,
                                      event.answered_at, event.elapsed_ms)
        if card is None:
            return None
        await self._reviews.save(tx, event.user_id, event.question_id, CardRow(**asdict(card)), self._clock())
        return int(grade)
