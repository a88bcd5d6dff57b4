"""Every answer moves the ratings and feeds the mistakes queue, once per attempt (real PostgreSQL)."""
from __future__ import annotations

import asyncio

import pytest

from actors.adaptive.messages import GetDueReviews, GetUserRatings
from actors.training.messages import AnswerSubmitted, ServeQuestion

pytestmark = pytest.mark.needs_postgres


async def ratings_of(backend, user_id: int, locale: str = "ru"):
    """Asked of the user's shard, so every answer published before is applied by now."""
    return await backend.adaptive.ask(GetUserRatings(user_id=user_id, locale=locale))


async def test_a_wrong_answer_lowers_the_student_raises_the_question_and_queues_a_mistake(backend):
    user = await backend.user()
    view = await backend.train(user, correct=False)
    [subject] = (await ratings_of(backend, user)).subjects
    assert subject.subject == view.subject and subject.rating < 1500 and subject.answers == 1
    assert subject.provisional and subject.success_rate == 0.0 and subject.level_name
    [update] = await backend.fetchall("SELECT * FROM rating_updates WHERE user_id = %(u)s", u=user)
    assert update["question_after"] > update["question_before"] and update["review_grade"] == 1
    assert 0 < update["expected"] < 1 and update["outcome"] == 0
    due_now = await backend.adaptive.ask(GetDueReviews(user_id=user))
    assert due_now.due == 0 and due_now.next_due_at is not None  # due within the hour, not at once
    backend.clock.advance(hours=1)
    due = await backend.adaptive.ask(GetDueReviews(user_id=user))
    assert due.due == 1 and due.items[0].question_id == view.question_id
    assert due.items[0].state == "learning" and due.items[0].theme == view.theme and 1 <= due.items[0].difficulty <= 5


async def test_a_quick_right_answer_queues_nothing_and_a_very_slow_one_does(backend):
    user = await backend.user()
    await backend.train(user, correct=True, elapsed_ms=3_000)
    await backend.train(user, correct=True, elapsed_ms=3_600_000)
    rows = await backend.fetchall("SELECT review_grade FROM rating_updates WHERE user_id = %(u)s "
                                  "ORDER BY attempt_id", u=user)
    assert [r["review_grade"] for r in rows] == [None, 2]  # nothing, then "hard"
    assert await backend.fetchval("SELECT count(*) FROM review_cards WHERE user_id = %(u)s", u=user) == 1
    assert all(s.rating > 1500 for s in (await ratings_of(backend, user)).subjects)


async def test_the_same_attempt_applied_twice_changes_nothing(backend):
    user = await backend.user()
    await backend.train(user, correct=False)
    before = await ratings_of(backend, user)
    [row] = await backend.fetchall("SELECT * FROM attempts WHERE user_id = %(u)s", u=user)
    [question] = await backend.fetchall(
        "SELECT s.code, t.name, q.type FROM questions q JOIN subjects s ON s.id = q.subject_id "
        "JOIN themes t ON t.id = q.theme_id WHERE q.id = %(q)s", q=row["question_id"])
    replay = AnswerSubmitted(
        attempt_id=row["id"], user_id=user, question_id=row["question_id"], subject=question["code"],
        theme=question["name"], source_id=None, question_type=question["type"], correct=row["correct"],
        score=row["score"], points=row["points"], max_points=row["max_points"], elapsed_ms=row["elapsed_ms"],
        answered_at=row["created_at"], channel="api", mode="training")
    await backend.system.publish(replay)
    assert await ratings_of(backend, user) == before
    assert await backend.fetchval("SELECT reviews FROM review_cards WHERE user_id = %(u)s", u=user) == 1
    assert await backend.fetchval("SELECT answers FROM question_ratings WHERE question_id = %(q)s",
                                  q=row["question_id"]) == 1


async def test_ratings_per_subject_with_levels_in_the_asked_locale(backend):
    user = await backend.user()
    for _ in range(12):
        await backend.train(user, correct=True)
    ratings = await ratings_of(backend, user, locale="en")
    assert sum(s.answers for s in ratings.subjects) == 12
    top = ratings.subjects[0]  # most answered first
    assert top.rating > 1500 and top.success_rate == 1.0
    assert top.level in {"intermediate", "advanced", "expert"} and top.level_name[0].isupper()
    assert [s.answers for s in ratings.subjects] == sorted((s.answers for s in ratings.subjects), reverse=True)


async def test_a_question_is_seeded_once_from_its_bank_difficulty_and_then_learns(backend):
    user = await backend.user()
    view = await backend.train(user, correct=False)
    seeded = await backend.fetchval("SELECT question_before FROM rating_updates WHERE user_id = %(u)s", u=user)
    assert seeded == 1500 + 200 * (view.difficulty - 3) + (75 if view.type in ("open", "multiple") else 0)
    assert await backend.fetchval("SELECT answers FROM question_ratings WHERE question_id = %(q)s",
                                  q=view.question_id) == 1


async def test_answers_of_two_users_to_one_question_both_move_its_rating(backend):
    first, second = await backend.user(), await backend.user()
    question_id = await backend.fetchval("SELECT min(id) FROM questions")
    views = [await backend.training.ask(ServeQuestion(user_id=u, question_id=question_id, channel="api"))
             for u in (first, second)]
    await asyncio.gather(backend.answer(first, views[0], correct=True), backend.answer(second, views[1], correct=False))
    await asyncio.gather(backend.applied(first), backend.applied(second))
    moves = await backend.fetchall("SELECT question_before, question_after FROM rating_updates "
                                   "WHERE question_id = %(q)s ORDER BY attempt_id", q=question_id)
    stored = await backend.fetchval("SELECT rating FROM question_ratings WHERE question_id = %(q)s", q=question_id)
    assert len(moves) == 2
    # Whichever was applied first seeded the rating; the other's move is added to it, not lost.
    assert any(stored == pytest.approx(m["question_after"] + sum(o["question_after"] - o["question_before"]
                                                               for o in moves if o is not m))
               for m in moves)
