"""The adaptive actor: ratings, adaptive selection and the mistakes queue (issue #10).

It owns user_ratings, question_ratings, rating_updates and review_cards (migration 0007); it reads
the bank's questions and the user's served questions. It asks training (to serve a chosen question)
and filters (the user's filter); neither asks it back. Sharded by user id: one user's answers and
queries are handled in order, so a "next" asked right after an answer sees that answer applied.
"""
from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime

from actors.adaptive.levels import level_name
from actors.adaptive.messages import (
    AdaptiveQuestion,
    DueReview,
    DueReviews,
    GetDueReviews,
    GetNextAdaptiveQuestion,
    GetNextReview,
    GetUserRatings,
    SubjectRating,
    UserRatings,
)
from actors.adaptive.questions import current_rating
from actors.adaptive.rating import PROVISIONAL_ANSWERS, difficulty_level, level_of
from actors.adaptive.scheduler import MistakesScheduler
from actors.adaptive.serving import ServeQuestionFn, Serving
from actors.adaptive.updates import AnswerApplier
from actors.adaptive.views import CARD_STATES
from actors.retry import while_unavailable
from actors.runtime import Actor, Message, handles
from actors.training.filters import FiltersFor, no_filters
from actors.training.messages import AnswerSubmitted
from storage.postgres import Database
from storage.postgres.ratings_repo import RatingsRepository
from storage.postgres.reviews_repo import DueRow, ReviewsRepository

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def adaptive_shard_key(message: Message) -> int:
    return int(getattr(message, "user_id", 0))


class AdaptiveActor(Actor):
    def __init__(self, database: Database, serve: ServeQuestionFn, filters_for: FiltersFor = no_filters, *,
                 clock: Clock = utc_now, rng: random.Random | None = None,
                 scheduler: MistakesScheduler | None = None) -> None:
        self._db, self._clock = database, clock
        self._applier = AnswerApplier(database, scheduler or MistakesScheduler(), clock)
        self._serving = Serving(database, serve, filters_for, clock, rng or random.Random())
        self._ratings = RatingsRepository()
        self._reviews = ReviewsRepository()

    @handles(AnswerSubmitted)
    async def on_answer(self, event: AnswerSubmitted) -> None:
        # Idempotent per attempt id (rating_updates), so retrying after an outage applies it once.
        await while_unavailable(lambda: self._applier.apply(event), what=f"ratings for attempt {event.attempt_id}")

    @handles(GetNextAdaptiveQuestion)
    async def next_adaptive(self, msg: GetNextAdaptiveQuestion) -> AdaptiveQuestion:
        return await self._serving.next_adaptive(msg)

    @handles(GetNextReview)
    async def next_review(self, msg: GetNextReview) -> AdaptiveQuestion:
        return await self._serving.next_review(msg)

    @handles(GetUserRatings)
    async def user_ratings(self, msg: GetUserRatings) -> UserRatings:
        async with self._db.transaction() as tx:
            rows = await self._ratings.user_ratings(tx, msg.user_id)
        return UserRatings(user_id=msg.user_id, subjects=tuple(SubjectRating(
            subject=r.subject, subject_name=r.subject_name, rating=round(r.rating), level=level_of(r.rating),
            level_name=level_name(level_of(r.rating), msg.locale), answers=r.answers,
            success_rate=round(r.score_sum / r.answers, 3) if r.answers else 0.0,
            provisional=r.answers < PROVISIONAL_ANSWERS) for r in rows))

    @handles(GetDueReviews)
    async def due_reviews(self, msg: GetDueReviews) -> DueReviews:
        now = self._clock()
        async with self._db.transaction() as tx:
            due = await self._reviews.count_due(tx, msg.user_id, now)
            rows = await self._reviews.due(tx, msg.user_id, now, limit=msg.limit) if msg.limit else []
            next_due = await self._reviews.next_due(tx, msg.user_id, now)
        return DueReviews(user_id=msg.user_id, due=due, items=tuple(_due_review(r) for r in rows),
                          next_due_at=next_due)


def _due_review(row: DueRow) -> DueReview:
    return DueReview(question_id=row.question_id, subject=row.subject, subject_name=row.subject_name,
                     theme=row.theme, type=row.type, difficulty=difficulty_level(current_rating(row).rating),
                     state=CARD_STATES[row.state], due_at=row.due_at, last_review_at=row.last_review_at,
                     reviews=row.reviews, lapses=row.lapses)
