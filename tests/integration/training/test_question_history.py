"""The per-user question history (migration 0008's triggers) always equals the fold of the base tables
that the selection rule used to compute on every call: after answers, skips, repeats, new sessions,
an account merge, and as the migration's backfill builds it."""
from __future__ import annotations

from pathlib import Path

from actors.training.messages import (
    FinishSession,
    GetNextQuestion,
    SkipQuestion,
    SubmitAnswer,
)

MIGRATION = Path(__file__).resolve().parents[3] / "sql" / "postgres" / "0008_question_history.sql"
FOLD = """
    SELECT k.user_id, k.question_id, COALESCE(shown.n, 0), la.correct, la.created_at
    FROM (SELECT user_id, question_id FROM served_questions UNION SELECT user_id, question_id FROM attempts) k
    LEFT JOIN (SELECT user_id, question_id, count(*) AS n FROM served_questions GROUP BY 1, 2) shown
        USING (user_id, question_id)
    LEFT JOIN (SELECT DISTINCT ON (user_id, question_id) user_id, question_id, correct, created_at
               FROM attempts ORDER BY user_id, question_id, created_at DESC, id DESC) la
        USING (user_id, question_id)
"""
KEPT = "SELECT user_id, question_id, times_served, last_correct, last_answered_at FROM user_question_history"


async def rows(backend, sql: str) -> set[tuple]:
    async with backend.database.transaction() as tx:
        return {tuple(r.values()) for r in await tx.fetchall(sql)}


async def train(backend, user: int, rounds: int) -> None:
    """Answers right, wrong, or skips in turn; a new session every 4 questions."""
    for i in range(rounds):
        view = await backend.training.ask(GetNextQuestion(user_id=user, channel="api"))
        backend.clock.advance(seconds=30)
        if i % 3 == 2:
            await backend.training.ask(SkipQuestion(user_id=user, served_id=view.served_id))
        else:
            correct = await backend.right_answer(view)
            answer = correct if i % 3 == 0 else backend.wrong_answer(view, correct)
            await backend.training.ask(SubmitAnswer(user_id=user, served_id=view.served_id, answer=answer,
                                                    channel="api"))
        if i % 4 == 3:
            await backend.training.ask(FinishSession(user_id=user, session_id=view.session_id))


async def test_the_history_follows_answers_skips_and_repeats(backend, make_user):
    first, second = await make_user(), await make_user()
    await train(backend, first, 12)
    await train(backend, second, 7)
    kept = await rows(backend, KEPT)
    assert kept == await rows(backend, FOLD)
    assert {user for user, *_ in kept} == {first, second}
    assert {verdict for *_, verdict, _ in kept} == {True, False, None}  # right, wrong, skipped


async def test_an_account_merge_recounts_the_target(backend, make_user):
    source, target = await make_user(), await make_user()
    await train(backend, source, 9)
    await train(backend, target, 5)
    async with backend.database.transaction() as tx:
        await tx.execute("SELECT merge_user_into(%(s)s, %(t)s)", {"s": source, "t": target})
    kept = await rows(backend, KEPT)
    assert kept == await rows(backend, FOLD)
    assert {user for user, *_ in kept} == {target}


async def test_the_migration_backfills_what_was_answered_before_it(backend, make_user):
    await train(backend, await make_user(), 10)
    expected = await rows(backend, FOLD)
    statements = MIGRATION.read_text().split(";\n")
    backfill = [s for s in statements if s.strip().startswith("INSERT INTO user_question_history")][-1]
    async with backend.database.transaction() as tx:
        await tx.execute("DELETE FROM user_question_history")
        await tx.execute(backfill)
    assert await rows(backend, KEPT) == expected
