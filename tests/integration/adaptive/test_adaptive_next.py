"""Adaptive and mistakes modes serve through training, so SubmitAnswer works on them unchanged."""
from __future__ import annotations

import pytest

from actors.adaptive.errors import NoReviewsDue
from actors.adaptive.messages import (
    AdaptiveQuestion,
    GetDueReviews,
    GetNextAdaptiveQuestion,
    GetNextReview,
)
from actors.training.errors import NoQuestionMatches
from actors.training.filters import QuestionFilter
from actors.training.messages import SkipQuestion

pytestmark = pytest.mark.needs_postgres


async def test_adaptive_mode_picks_about_75_percent_within_the_filters(backend):
    user = await backend.user()
    backend.filters[user] = QuestionFilter(subjects=frozenset({"geography"}))
    view = await backend.adaptive.ask(GetNextAdaptiveQuestion(user_id=user, channel="api"))
    assert isinstance(view, AdaptiveQuestion) and view.mode == "adaptive" and view.subject == "geography"
    assert 0.65 <= view.predicted_success <= 0.85 and 1 <= view.difficulty <= 5 and view.reviews_due == 0
    again = await backend.adaptive.ask(GetNextAdaptiveQuestion(user_id=user, channel="api"))
    assert again.served_id == view.served_id  # not answered yet: the same one comes back
    await backend.answer(user, view, correct=True)
    await backend.applied(user)
    following = await backend.adaptive.ask(GetNextAdaptiveQuestion(user_id=user, channel="api"))
    assert following.question_id != view.question_id and following.subject == "geography"


async def test_the_shown_difficulty_follows_the_rating_not_the_bank(backend):
    user = await backend.user()
    view = await backend.adaptive.ask(GetNextAdaptiveQuestion(user_id=user, channel="api"))
    await backend.fetchval("INSERT INTO question_ratings (question_id, rating, answers) VALUES (%(q)s, 2400, 50) "
                           "ON CONFLICT (question_id) DO UPDATE SET rating = 2400 RETURNING 1", q=view.question_id)
    shown = await backend.adaptive.ask(GetNextAdaptiveQuestion(user_id=user, channel="api"))
    assert shown.served_id == view.served_id and shown.difficulty == 5 and shown.question_rating == 2400
    assert shown.predicted_success < view.predicted_success - 0.15


async def test_no_question_matches_a_filter_that_leaves_nothing(backend):
    user = await backend.user()
    backend.filters[user] = QuestionFilter(subjects=frozenset({"economics"}), difficulty_min=5)
    with pytest.raises(NoQuestionMatches):
        await backend.adaptive.ask(GetNextAdaptiveQuestion(user_id=user, channel="api"))


async def test_work_on_mistakes_serves_what_is_due_and_a_right_answer_reschedules_it(backend):
    user = await backend.user()
    with pytest.raises(NoReviewsDue) as nothing:
        await backend.adaptive.ask(GetNextReview(user_id=user, channel="bot"))
    assert nothing.value.next_due_at is None
    mistake = await backend.train(user, correct=False)
    with pytest.raises(NoReviewsDue) as later:
        await backend.adaptive.ask(GetNextReview(user_id=user, channel="bot"))
    assert later.value.next_due_at is not None and "due at" in later.value.detail
    backend.clock.advance(hours=3)  # the open session is idle for over 2 h: a new one starts
    review = await backend.adaptive.ask(GetNextReview(user_id=user, channel="bot"))
    assert review.mode == "mistakes" and review.question_id == mistake.question_id and review.reviews_due == 1
    assert review.session_id != mistake.session_id
    await backend.answer(user, review, correct=True)
    await backend.applied(user)
    due = await backend.adaptive.ask(GetDueReviews(user_id=user))
    assert due.due == 0 and due.next_due_at >= backend.clock.now.replace(microsecond=0)
    assert await backend.fetchval("SELECT reviews FROM review_cards WHERE user_id = %(u)s", u=user) == 2


async def test_a_skipped_mistake_is_not_offered_again_at_once(backend):
    user = await backend.user()
    await backend.train(user, correct=False)
    await backend.train(user, correct=False)
    backend.clock.advance(hours=2)
    first = await backend.adaptive.ask(GetNextReview(user_id=user, channel="api"))
    await backend.training.ask(SkipQuestion(user_id=user, served_id=first.served_id))
    second = await backend.adaptive.ask(GetNextReview(user_id=user, channel="api"))
    assert second.question_id != first.question_id and second.reviews_due == 2
    await backend.training.ask(SkipQuestion(user_id=user, served_id=second.served_id))
    with pytest.raises(NoReviewsDue):
        await backend.adaptive.ask(GetNextReview(user_id=user, channel="api"))
    backend.clock.advance(minutes=11)
    assert (await backend.adaptive.ask(GetNextReview(user_id=user, channel="api"))).question_id == first.question_id
