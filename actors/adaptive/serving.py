"""The next question in adaptive and mistakes modes: chosen here, shown through the training actor."""
from __future__ import annotations

import random
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Literal

from actors.adaptive.errors import NoReviewsDue
from actors.adaptive.messages import GetNextAdaptiveQuestion, GetNextReview
from actors.adaptive.questions import current_rating, guess_of, option_of
from actors.adaptive.rating import difficulty_level
from actors.adaptive.selection import Option, pick_adaptive, predicted
from actors.adaptive.views import AdaptiveQuestion
from actors.training.errors import NoQuestionMatches
from actors.training.filters import FiltersFor
from actors.training.views import QuestionView
from storage.postgres import Database, Tx
from storage.postgres.candidates_repo import QuestionCriteria
from storage.postgres.ratings_repo import QuestionRow, RatingsRepository
from storage.postgres.reviews_repo import ReviewsRepository

# (user_id, question_id, channel, session_id) -> the question as shown in the user's training session.
ServeQuestionFn = Callable[[int, int, str, int | None], Awaitable[QuestionView]]
Clock = Callable[[], datetime]
REVIEW_GAP = timedelta(minutes=10)  # a mistake just shown (and skipped) is not offered again at once


class Serving:
    def __init__(self, database: Database, serve: ServeQuestionFn, filters_for: FiltersFor, clock: Clock,
                 rng: random.Random) -> None:
        self._db, self._serve, self._filters_for, self._clock, self._rng = database, serve, filters_for, clock, rng
        self._ratings = RatingsRepository()
        self._reviews = ReviewsRepository()

    async def next_adaptive(self, msg: GetNextAdaptiveQuestion) -> AdaptiveQuestion:
        wanted = await self._filters_for(msg.user_id)
        criteria = QuestionCriteria.model_validate(wanted.model_dump())
        now = self._clock()
        async with self._db.transaction() as tx:
            rows = await self._ratings.candidates(tx, msg.user_id, criteria)
            mine = await self._mine(tx, msg.user_id)
            due = await self._reviews.count_due(tx, msg.user_id, now)
        choice = pick_adaptive([option_of(r) for r in rows], mine, now, self._rng)
        if choice is None:
            raise NoQuestionMatches()
        view = await self._serve(msg.user_id, choice.option.question_id, msg.channel, msg.session_id)
        return await self._reply(view, "adaptive", mine, due, {r.question_id: r for r in rows})

    async def next_review(self, msg: GetNextReview) -> AdaptiveQuestion:
        now = self._clock()
        async with self._db.transaction() as tx:
            first = await self._reviews.due(tx, msg.user_id, now, limit=1, served_after=now - REVIEW_GAP)
            due = await self._reviews.count_due(tx, msg.user_id, now)
            if not first:
                raise NoReviewsDue(await self._reviews.next_due(tx, msg.user_id, now))
            mine = await self._mine(tx, msg.user_id)
        view = await self._serve(msg.user_id, first[0].question_id, msg.channel, msg.session_id)
        return await self._reply(view, "mistakes", mine, due, {first[0].question_id: first[0]})

    async def _mine(self, tx: Tx, user_id: int) -> dict[str, float]:
        return {r.subject: r.rating for r in await self._ratings.user_ratings(tx, user_id)}

    async def _reply(self, view: QuestionView, mode: Literal["adaptive", "mistakes"], mine: dict[str, float],
                     due: int, known: dict[int, QuestionRow]) -> AdaptiveQuestion:
        """The shown question (maybe one still pending in the session, not the chosen one) with its
        rating-based difficulty and the student's predicted success on it."""
        row = known.get(view.question_id)
        if row is None:
            async with self._db.transaction() as tx:
                row = await self._ratings.question(tx, view.question_id)
        rating = current_rating(row).rating
        success = predicted(Option(question_id=row.question_id, subject=row.subject, rating=rating,
                                   guess=guess_of(row)), mine)
        return AdaptiveQuestion.model_validate({
            **view.model_dump(), "difficulty": difficulty_level(rating), "mode": mode,
            "predicted_success": round(success, 3), "question_rating": round(rating), "reviews_due": due})
