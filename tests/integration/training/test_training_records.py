"""Training records on PostgreSQL: one attempt per served question, ownership, reports, account merges."""
from __future__ import annotations

import asyncio
import random

import pytest

from actors.runtime import ActorSystem
from actors.training.actor import TrainingActor
from actors.training.errors import ServedQuestionNotFound
from actors.training.messages import (
    AnswerSubmitted,
    GetNextQuestion,
    ListReports,
    QuestionReported,
    ReportQuestion,
    ResolveReport,
    SkipQuestion,
    SubmitAnswer,
)


async def test_a_double_submit_records_one_attempt_and_returns_the_same_result(backend, make_user):
    user = await make_user()
    view = await backend.training.ask(GetNextQuestion(user_id=user, channel="bot"))
    submit = SubmitAnswer(user_id=user, served_id=view.served_id, answer=await backend.right_answer(view),
                          channel="bot")
    first = await backend.training.ask(submit)
    again = await backend.training.ask(submit.model_copy(update={"answer": backend.wrong_answer(view, submit.answer)
                                                                 if view.type != "open" else "нет"}))
    assert again == first
    assert await backend.fetchval("SELECT count(*) FROM attempts") == 1
    assert await backend.fetchval("SELECT attempts_count FROM questions WHERE id = %(id)s", id=view.question_id) == 1
    await backend.settled()
    assert len(backend.of(AnswerSubmitted)) == 1


async def test_a_concurrent_double_submit_from_two_processes_records_once(backend, make_user):
    """The bot and the API run as two processes: only the database can keep the promise."""
    user = await make_user()
    view = await backend.training.ask(GetNextQuestion(user_id=user, channel="bot"))
    submit = SubmitAnswer(user_id=user, served_id=view.served_id, answer=await backend.right_answer(view),
                          channel="bot")
    other = ActorSystem(default_ask_timeout=20.0)
    twin = other.spawn("training", lambda: TrainingActor(backend.database, clock=backend.clock,
                                                         rng=random.Random(1)))
    await other.start()
    try:
        results = await asyncio.gather(*(ref.ask(submit) for ref in [backend.training, twin] * 4))
    finally:
        await other.stop()
    assert all(r == results[0] for r in results)
    assert await backend.fetchval("SELECT count(*) FROM attempts") == 1
    assert await backend.fetchval("SELECT attempts_count FROM questions WHERE id = %(id)s", id=view.question_id) == 1


async def test_another_users_served_question_is_not_found(backend, make_user):
    owner, stranger = await make_user(), await make_user()
    view = await backend.training.ask(GetNextQuestion(user_id=owner, channel="bot"))
    with pytest.raises(ServedQuestionNotFound):
        await backend.training.ask(SubmitAnswer(user_id=stranger, served_id=view.served_id, answer=True,
                                                channel="api"))
    with pytest.raises(ServedQuestionNotFound):
        await backend.training.ask(SkipQuestion(user_id=stranger, served_id=view.served_id))


async def test_a_report_is_stored_for_admins_and_can_be_resolved(backend, make_user):
    user, admin = await make_user(), await make_user()
    view = await backend.training.ask(GetNextQuestion(user_id=user, channel="bot"))
    report = await backend.training.ask(ReportQuestion(user_id=user, question_id=view.question_id,
                                                       text="В ответе опечатка"))
    assert (report.status, report.text, report.question_id) == ("open", "В ответе опечатка", view.question_id)
    assert [r.id for r in await backend.training.ask(ListReports())] == [report.id]
    resolved = await backend.training.ask(ResolveReport(report_id=report.id, status="resolved",
                                                        admin_user_id=admin, note="исправлено"))
    assert (resolved.status, resolved.resolved_by, resolved.note) == ("resolved", admin, "исправлено")
    assert await backend.training.ask(ListReports()) == []
    assert [r.id for r in await backend.training.ask(ListReports(status=None))] == [report.id]
    await backend.settled()
    assert [e.report_id for e in backend.of(QuestionReported)] == [report.id]


async def test_merging_accounts_moves_the_training_history(backend, make_user):
    bot_user, account = await make_user(), await make_user()
    view = await backend.training.ask(GetNextQuestion(user_id=bot_user, channel="bot"))
    await backend.training.ask(SubmitAnswer(user_id=bot_user, served_id=view.served_id,
                                            answer=await backend.right_answer(view), channel="bot"))
    await backend.training.ask(ReportQuestion(user_id=bot_user, question_id=view.question_id, text="?"))
    async with backend.database.transaction() as tx:
        await tx.execute("SELECT merge_user_into(%(s)s, %(t)s)", {"s": bot_user, "t": account})
    for table in ("attempts", "served_questions", "training_sessions", "question_reports"):
        assert await backend.fetchval(f"SELECT count(*) FROM {table} WHERE user_id = %(u)s", u=account) == 1
