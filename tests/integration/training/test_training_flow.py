"""Training on PostgreSQL: next / submit / skip, the filters, the selection rule, what a view may show."""
from __future__ import annotations

from datetime import UTC

import pytest

from actors.training.errors import (
    AnswerShapeInvalid,
    NoQuestionMatches,
    QuestionAnsweredAlready,
    QuestionSkippedAlready,
    SessionExhausted,
)
from actors.training.filters import QuestionFilter
from actors.training.messages import (
    AnswerSubmitted,
    FinishSession,
    GetNextQuestion,
    QuestionServed,
    QuestionSkipped,
    SkipQuestion,
    SubmitAnswer,
)


async def test_a_question_view_never_carries_the_answer_or_the_explanation(backend, make_user):
    user = await make_user()
    view = await backend.training.ask(GetNextQuestion(user_id=user, channel="bot"))
    dumped = view.model_dump()
    assert not {"correct", "correct_answer", "explanation", "tolerance"} & set(dumped)
    explanation = await backend.fetchval("SELECT explanation FROM questions WHERE id = %(id)s", id=view.question_id)
    assert explanation not in str(dumped)


async def test_a_right_answer_is_recorded_with_counters_and_one_event(backend, make_user):
    user = await make_user()
    view = await backend.training.ask(GetNextQuestion(user_id=user, channel="api"))
    answer = await backend.right_answer(view)
    result = await backend.training.ask(SubmitAnswer(user_id=user, served_id=view.served_id, answer=answer,
                                                     elapsed_ms=4200, channel="api"))
    assert (result.correct, result.score, result.points, result.max_points) == (True, 1.0, view.points, view.points)
    assert result.explanation and result.correct_answer_text
    counters = await backend.fetchval("SELECT attempts_count || '/' || correct_count FROM questions "
                                      "WHERE id = %(id)s", id=view.question_id)
    assert counters == "1/1"
    await backend.settled()
    [event] = backend.of(AnswerSubmitted)
    assert event.model_dump() == {
        "attempt_id": result.attempt_id, "user_id": user, "question_id": view.question_id,
        "subject": view.subject, "theme": view.theme, "source_id": view.source.id if view.source else None,
        "question_type": view.type, "correct": True, "score": 1.0, "points": float(view.points),
        "max_points": view.points, "elapsed_ms": 4200, "answered_at": backend.clock.now, "channel": "api",
        "mode": "training"}
    assert event.answered_at.tzinfo is not None and event.answered_at.utcoffset() == UTC.utcoffset(None)
    assert len(backend.of(QuestionServed)) == 1


async def test_without_a_client_timing_the_server_measures_from_showing_to_answer(backend, make_user):
    user = await make_user()
    view = await backend.training.ask(GetNextQuestion(user_id=user, channel="bot"))
    backend.clock.advance(seconds=30)
    await backend.training.ask(SubmitAnswer(user_id=user, served_id=view.served_id,
                                            answer=await backend.right_answer(view), channel="bot"))
    assert await backend.fetchval("SELECT elapsed_ms FROM attempts") == 30_000


async def test_a_wrong_answer_of_the_wrong_shape_records_nothing(backend, make_user):
    user = await make_user()
    backend.filters[user] = QuestionFilter(types=frozenset({"one"}))
    view = await backend.training.ask(GetNextQuestion(user_id=user, channel="bot"))
    with pytest.raises(AnswerShapeInvalid):
        await backend.training.ask(SubmitAnswer(user_id=user, served_id=view.served_id, answer=[0], channel="bot"))
    assert await backend.fetchval("SELECT count(*) FROM attempts") == 0


async def test_a_repeated_next_returns_the_question_still_on_screen(backend, make_user):
    user = await make_user()
    first = await backend.training.ask(GetNextQuestion(user_id=user, channel="bot"))
    again = await backend.training.ask(GetNextQuestion(user_id=user, channel="bot"))
    assert again == first


async def test_a_session_never_repeats_a_question_and_then_says_it_is_exhausted(backend, make_user):
    user = await make_user()
    theme_id = await backend.fetchval("SELECT theme_id FROM questions GROUP BY theme_id "
                                      "ORDER BY count(*), theme_id LIMIT 1")
    size = await backend.fetchval("SELECT count(*) FROM questions WHERE theme_id = %(t)s", t=theme_id)
    backend.filters[user] = QuestionFilter(themes=frozenset({theme_id}))
    seen = []
    for _ in range(size):
        view = await backend.training.ask(GetNextQuestion(user_id=user, channel="bot"))
        seen.append(view.question_id)
        await backend.training.ask(SkipQuestion(user_id=user, served_id=view.served_id))
    assert len(set(seen)) == size == 5
    with pytest.raises(SessionExhausted):
        await backend.training.ask(GetNextQuestion(user_id=user, channel="bot"))


async def test_filters_that_match_nothing_say_so(backend, make_user):
    user = await make_user()
    backend.filters[user] = QuestionFilter(subjects=frozenset({"economics"}), stages=frozenset({"final"}),
                                           difficulty_min=5, types=frozenset({"yes_no"}))
    with pytest.raises(NoQuestionMatches):
        await backend.training.ask(GetNextQuestion(user_id=user, channel="bot"))


async def test_filters_are_honoured(backend, make_user):
    user = await make_user()
    backend.filters[user] = QuestionFilter(subjects=frozenset({"geography"}), types=frozenset({"open"}),
                                           only_may_in_subway=True, difficulty_max=2)
    for _ in range(5):
        view = await backend.training.ask(GetNextQuestion(user_id=user, channel="bot"))
        assert (view.subject, view.type, view.may_in_subway) == ("geography", "open", True)
        assert view.difficulty <= 2
        await backend.training.ask(SkipQuestion(user_id=user, served_id=view.served_id))


async def test_a_previously_wrong_question_comes_back_before_a_correct_one(backend, make_user):
    user = await make_user()
    theme = await backend.fetchval("SELECT theme_id FROM questions WHERE type = 'one' ORDER BY id LIMIT 1")
    backend.filters[user] = QuestionFilter(themes=frozenset({theme}), types=frozenset({"one"}))
    count = await backend.fetchval("SELECT count(*) FROM questions WHERE theme_id = %(t)s AND type = 'one'",
                                   t=theme)
    assert count >= 2
    verdicts = {}
    for _ in range(count):  # answer every question of the filter: the first wrong, the others right
        view = await backend.training.ask(GetNextQuestion(user_id=user, channel="bot"))
        correct = await backend.right_answer(view)
        answer = backend.wrong_answer(view, correct) if not verdicts else correct
        result = await backend.training.ask(SubmitAnswer(user_id=user, served_id=view.served_id, answer=answer,
                                                         channel="bot"))
        verdicts[view.question_id] = result.correct
    summary = await backend.training.ask(FinishSession(user_id=user, session_id=view.session_id))
    assert (summary.answered, summary.correct) == (count, count - 1)
    missed = next(q for q, ok in verdicts.items() if not ok)
    fresh = await backend.training.ask(GetNextQuestion(user_id=user, channel="bot"))
    assert fresh.session_id != view.session_id and fresh.question_id == missed


async def test_a_skipped_question_comes_before_correct_ones_and_those_come_oldest_first(backend, make_user):
    user = await make_user()
    theme = await backend.fetchval("SELECT theme_id FROM questions GROUP BY theme_id "
                                   "ORDER BY count(*) DESC, theme_id LIMIT 1")
    backend.filters[user] = QuestionFilter(themes=frozenset({theme}))
    count = await backend.fetchval("SELECT count(*) FROM questions WHERE theme_id = %(t)s", t=theme)
    assert count >= 3
    answered_in_order, skipped = [], None
    for _ in range(count):  # the first question is skipped, the others answered right, a minute apart
        view = await backend.training.ask(GetNextQuestion(user_id=user, channel="api"))
        backend.clock.advance(minutes=1)
        if skipped is None:
            skipped = view.question_id
            await backend.training.ask(SkipQuestion(user_id=user, served_id=view.served_id))
            continue
        result = await backend.training.ask(SubmitAnswer(user_id=user, served_id=view.served_id,
                                                         answer=await backend.right_answer(view), channel="api"))
        assert result.correct
        answered_in_order.append(view.question_id)
    await backend.training.ask(FinishSession(user_id=user, session_id=view.session_id))
    order = []
    for _ in range(count):  # a new session: nothing unseen or wrong is left
        view = await backend.training.ask(GetNextQuestion(user_id=user, channel="api"))
        order.append(view.question_id)
        await backend.training.ask(SkipQuestion(user_id=user, served_id=view.served_id))
    assert order == [skipped, *answered_in_order]


async def test_skip_moves_on_and_a_skipped_question_cannot_be_answered(backend, make_user):
    user = await make_user()
    first = await backend.training.ask(GetNextQuestion(user_id=user, channel="bot"))
    await backend.training.ask(SkipQuestion(user_id=user, served_id=first.served_id))
    await backend.training.ask(SkipQuestion(user_id=user, served_id=first.served_id))  # harmless twice
    second = await backend.training.ask(GetNextQuestion(user_id=user, channel="bot"))
    assert second.question_id != first.question_id and second.session_id == first.session_id
    with pytest.raises(QuestionSkippedAlready):
        await backend.training.ask(SubmitAnswer(user_id=user, served_id=first.served_id,
                                                answer=await backend.right_answer(first), channel="bot"))
    await backend.training.ask(SubmitAnswer(user_id=user, served_id=second.served_id,
                                            answer=await backend.right_answer(second), channel="bot"))
    with pytest.raises(QuestionAnsweredAlready):
        await backend.training.ask(SkipQuestion(user_id=user, served_id=second.served_id))
    await backend.settled()
    assert [e.served_id for e in backend.of(QuestionSkipped)] == [first.served_id]
