"""Olympiad simulations on PostgreSQL: a timed paper, answers without verdicts, the server's deadline."""
from __future__ import annotations

import pytest

from actors.training.errors import (
    NotEnoughQuestions,
    ServedQuestionNotFound,
    SimulationClosed,
    SimulationDeadlinePassed,
    SimulationInProgress,
    SimulationNotFound,
)
from actors.training.messages import (
    AnswerSimulationQuestion,
    AnswerSubmitted,
    FinishSimulation,
    GetActiveSimulation,
    GetSimulation,
    ListSimulationPapers,
    SimulationFinished,
    StartSimulation,
    SubmitAnswer,
)

PAPER = {"subject": "economics", "olympiad": "Тренировочная олимпиада АПО", "stage": "school"}


async def correct_of(backend, question_id):
    return await backend.fetchval("SELECT correct_answer FROM questions WHERE id = %(id)s", id=question_id)


async def start(backend, user, **changes):
    return await backend.training.ask(StartSimulation(user_id=user, channel="bot", **{**PAPER, **changes}))


async def test_papers_are_listed_per_subject_and_source(backend):
    papers = await backend.training.ask(ListSimulationPapers(size=8))
    assert len(papers) == 16  # 4 subjects × 4 sources, each with at least 8 questions
    assert all(p.questions >= 8 for p in papers)
    assert await backend.training.ask(ListSimulationPapers(size=18)) == [
        p for p in papers if p.questions >= 18]


async def test_a_full_paper_is_scored_by_points_with_verdicts_and_a_theme_debrief(backend, make_user):
    user = await make_user()
    paper = await start(backend, user, minutes=30)
    assert (paper.size, len(paper.items), paper.seconds_left, paper.result) == (8, 8, 1800, None)
    assert paper.source.year == 2026 and [i.position for i in paper.items] == list(range(1, 9))
    assert len({i.question.question_id for i in paper.items}) == 8
    expected = 0.0
    for item in paper.items[:6]:  # the last two stay unanswered
        correct = await correct_of(backend, item.question.question_id)
        answer = correct[0] if item.question.type == "open" else correct
        saved = await backend.training.ask(AnswerSimulationQuestion(
            user_id=user, simulation_id=paper.id, served_id=item.question.served_id, answer=answer))
        assert not hasattr(saved, "correct")
        expected += item.question.points
    with pytest.raises(ServedQuestionNotFound):  # no verdict before the end, not even through training
        await backend.training.ask(SubmitAnswer(user_id=user, served_id=paper.items[0].question.served_id,
                                                answer=_any(paper.items[0].question), channel="bot"))
    backend.clock.advance(minutes=10)
    midway = await backend.training.ask(GetSimulation(user_id=user, simulation_id=paper.id))
    assert midway.seconds_left == 1200 and midway.result is None
    assert sum(i.answer is not None for i in midway.items) == 6
    assert await backend.fetchval("SELECT count(*) FROM attempts") == 0  # no verdicts before the end

    result = await backend.training.ask(FinishSimulation(user_id=user, simulation_id=paper.id))
    assert (result.points, result.correct, result.answered, result.size, result.timed_out) == (expected, 6, 6, 8, False)
    assert result.max_points == sum(i.question.points for i in paper.items)
    assert [v.answer is None for v in result.items] == [False] * 6 + [True] * 2
    assert all(v.explanation and v.correct_answer_text for v in result.items)
    assert sum(t.questions for t in result.themes) == 8
    shares = [t.points / t.max_points for t in result.themes]
    assert shares == sorted(shares)
    assert await backend.training.ask(FinishSimulation(user_id=user, simulation_id=paper.id)) == result

    await backend.settled()
    submitted = backend.of(AnswerSubmitted)
    assert len(submitted) == 6 and {e.mode for e in submitted} == {"simulation"}
    [finished] = backend.of(SimulationFinished)
    assert (finished.points, finished.answered, finished.timed_out) == (expected, 6, False)
    assert await backend.fetchval("SELECT count(*) FROM attempts WHERE mode = 'simulation'") == 6


async def test_answers_after_the_deadline_are_refused_and_the_paper_is_finished(backend, make_user):
    user = await make_user()
    paper = await start(backend, user, minutes=5)
    first = paper.items[0].question
    await backend.training.ask(AnswerSimulationQuestion(user_id=user, simulation_id=paper.id,
                                                        served_id=first.served_id, answer=_any(first)))
    backend.clock.advance(minutes=5, seconds=1)  # inside the grace: still accepted
    await backend.training.ask(AnswerSimulationQuestion(user_id=user, simulation_id=paper.id,
                                                        served_id=first.served_id, answer=_any(first)))
    backend.clock.advance(seconds=5)
    with pytest.raises(SimulationDeadlinePassed):
        await backend.training.ask(AnswerSimulationQuestion(
            user_id=user, simulation_id=paper.id, served_id=paper.items[1].question.served_id,
            answer=_any(paper.items[1].question)))
    view = await backend.training.ask(GetSimulation(user_id=user, simulation_id=paper.id))
    assert view.finished and view.seconds_left == 0
    assert (view.result.timed_out, view.result.answered, view.result.finished_at) == (True, 1, paper.deadline)
    with pytest.raises(SimulationClosed):
        await backend.training.ask(AnswerSimulationQuestion(user_id=user, simulation_id=paper.id,
                                                            served_id=first.served_id, answer=_any(first)))
    await backend.settled()
    assert len(backend.of(SimulationFinished)) == 1


async def test_reading_a_paper_after_its_deadline_finishes_it(backend, make_user):
    user = await make_user()
    paper = await start(backend, user, minutes=1)
    backend.clock.advance(minutes=2)
    active = await backend.training.ask(GetActiveSimulation(user_id=user))
    assert active.id == paper.id and active.finished and active.result.timed_out
    assert await backend.training.ask(GetActiveSimulation(user_id=user)) is None


async def test_one_paper_at_a_time_until_the_deadline_has_passed(backend, make_user):
    user = await make_user()
    paper = await start(backend, user, minutes=10)
    with pytest.raises(SimulationInProgress) as caught:
        await start(backend, user, subject="geography")
    assert caught.value.simulation_id == paper.id
    backend.clock.advance(minutes=11)
    second = await start(backend, user, subject="geography")
    assert second.id != paper.id and second.subject == "geography"
    old = await backend.training.ask(GetSimulation(user_id=user, simulation_id=paper.id))
    assert old.finished and old.result.timed_out


async def test_a_paper_needs_enough_questions_and_belongs_to_its_user(backend, make_user):
    user, stranger = await make_user(), await make_user()
    with pytest.raises(NotEnoughQuestions):
        await start(backend, user, size=50)
    with pytest.raises(NotEnoughQuestions):
        await start(backend, user, year=2019)
    paper = await start(backend, user)
    with pytest.raises(SimulationNotFound):
        await backend.training.ask(GetSimulation(user_id=stranger, simulation_id=paper.id))
    with pytest.raises(SimulationNotFound):
        await backend.training.ask(FinishSimulation(user_id=stranger, simulation_id=paper.id))


def _any(question):
    return {"yes_no": True, "one": 0, "multiple": [0], "open": "1"}[question.type]
