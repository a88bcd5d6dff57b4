"""Applying one answer: both ratings and the review card move together, once per attempt.

One read and one write statement (storage/postgres/answer_effects_repo.py): this runs for every
answer, so its round trips are a large share of what an answer costs.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime

from actors.adaptive.questions import current_rating, guess_of
from actors.adaptive.rating import student_prior, update
from actors.adaptive.scheduler import CardState, MistakesScheduler, grade_answer
from actors.training.messages import AnswerSubmitted
from storage.postgres import Database
from storage.postgres.answer_effects_repo import (
    AnswerEffectsRepository,
    AnswerFacts,
    RatingMove,
)
from storage.postgres.ratings_repo import Rated
from storage.postgres.reviews_repo import CardRow

Clock = Callable[[], datetime]


class AnswerApplier:
    def __init__(self, database: Database, scheduler: MistakesScheduler, clock: Clock) -> None:
        self._db, self._scheduler, self._clock = database, scheduler, clock
        self._effects = AnswerEffectsRepository()

    async def apply(self, event: AnswerSubmitted) -> bool:
        """False when there was nothing to do: the attempt was applied before, or the question is gone."""
        async with self._db.autocommit() as tx:
            facts = await self._effects.facts(tx, event.attempt_id, event.user_id, event.question_id)
            if facts is None or facts.applied:
                return False
            grade = grade_answer(event.correct, event.elapsed_ms, event.question_type)
            card = self._scheduler.review(CardState(**facts.card.model_dump()) if facts.card else None, grade,
                                          event.answered_at, event.elapsed_ms)
            return await self._effects.apply(
                tx, attempt_id=event.attempt_id, user_id=event.user_id, question=facts.question,
                move=_rating_move(facts, event, None if card is None else int(grade)),
                card=CardRow(**asdict(card)) if card else None, now=self._clock())


def _rating_move(facts: AnswerFacts, event: AnswerSubmitted, review_grade: int | None) -> RatingMove:
    question = facts.question
    rated_question = current_rating(question, counted_answer=event.correct)
    others = [r.rating for subject_id, r in facts.user_ratings.items() if subject_id != question.subject_id]
    student = facts.user_ratings.get(question.subject_id) or Rated(rating=student_prior(others), answers=0)
    moved = update(student.rating, student.answers, rated_question.rating, rated_question.answers,
                   guess_of(question), event.score)
    return RatingMove(expected=moved.expected, outcome=event.score, user_before=student.rating,
                      user_after=moved.student, question_before=rated_question.rating,
                      question_after=moved.question, question_answers=rated_question.answers,
                      review_grade=review_grade)
