"""The stats actor with fakes: events in, statistics and leaderboards out, rebuilds, merges."""
from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from actors.stats.messages import GetLeaderboard, GetUserStats, RebuildStats
from actors.training.messages import AnswerSubmitted
from actors.users.messages import AccountDeleted, AccountsMerged

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # Monday of week 2026-W10
_ids = itertools.count(1)


def answered(user_id: int, points: float = 1.0, *, correct: bool = True, subject: str = "economics",
             theme: str = "Спрос", at: datetime = T0, max_points: int = 2, attempt_id: int | None = None
             ) -> AnswerSubmitted:
    return AnswerSubmitted(attempt_id=attempt_id or next(_ids), user_id=user_id, question_id=1,
                           subject=subject, theme=theme, source_id=None, question_type="one", correct=correct,
                           score=points / 2, points=points, max_points=max_points, elapsed_ms=1500,
                           answered_at=at, channel="api", mode="training")


async def test_answers_become_statistics_and_a_redelivered_event_counts_once(world):
    first = answered(1, 2.0)
    await world.answer(first)
    await world.answer(answered(1, 0.0, correct=False, subject="geography", theme="Реки",
                                at=T0 + timedelta(days=1)))
    await world.system.publish(first)  # delivered again
    stats = await world.stats.ask(GetUserStats(user_id=1))
    assert (stats.totals.attempts, stats.totals.correct, stats.totals.points) == (2, 1, 2.0)
    assert stats.totals.accuracy == 0.5 and stats.totals.average_time_ms == 1500
    assert {s.subject: s.attempts for s in stats.subjects} == {"economics": 1, "geography": 1}
    assert (stats.streak.current, stats.streak.best) == (2, 2)
    assert (stats.week.id, stats.week.points) == ("2026-W10", 2.0)
    assert [d.day.isoformat() for d in stats.daily] == ["2026-03-02", "2026-03-03"]


async def test_a_new_answer_is_visible_at_once_despite_the_cache(world):
    assert (await world.stats.ask(GetUserStats(user_id=5))).totals.attempts == 0
    await world.answer(answered(5))
    assert (await world.stats.ask(GetUserStats(user_id=5))).totals.attempts == 1


async def test_a_user_without_answers_gets_zeros_not_an_error(world):
    stats = await world.stats.ask(GetUserStats(user_id=99))
    assert stats.totals.attempts == 0 and stats.totals.accuracy == 0 and stats.totals.average_time_ms is None
    assert stats.streak.current == 0 and stats.daily == () and stats.subjects == ()


async def test_rebuild_gives_the_documents_the_events_built(world):
    for user in (1, 2):
        for day in range(5):
            await world.answer(answered(user, 0.5 * day, at=T0 + timedelta(days=day, hours=user * 7),
                                        subject=["economics", "history"][day % 2], correct=day % 3 == 0))
    await world.stats.ask(GetUserStats(user_id=1)), await world.stats.ask(GetUserStats(user_id=2))
    incremental = {k: d.body for k, d in world.documents.collections["stats"].items()}
    world.documents.collections["stats"].clear()
    report = await world.stats.ask(RebuildStats())
    assert (report.users, report.attempts, report.removed) == (2, 10, 0)
    assert {k: d.body for k, d in world.documents.collections["stats"].items()} == incremental


async def test_rebuild_of_everybody_removes_documents_without_attempts(world):
    await world.answer(answered(3), record=False)  # an event whose attempt is not in PostgreSQL
    await world.stats.ask(GetUserStats(user_id=3))
    world.deleted.add(3)  # and the user is gone: the rebuild must not need their time zone
    report = await world.stats.ask(RebuildStats())
    assert report.removed == 1 and "3" not in world.documents.collections["stats"]


async def test_accounts_merged_recounts_the_target_and_drops_the_source(world):
    await world.answer(answered(10, 1.0))
    await world.answer(answered(11, 2.0))
    await world.stats.ask(GetUserStats(user_id=10)), await world.stats.ask(GetUserStats(user_id=11))
    for i, f in enumerate(world.history.facts):  # what merge_user_into did in PostgreSQL
        world.history.facts[i] = f.model_copy(update={"user_id": 11})
    await world.system.publish(AccountsMerged(source_user_id=10, target_user_id=11))
    merged = await world.stats.ask(GetUserStats(user_id=11))
    assert (merged.totals.attempts, merged.totals.points) == (2, 3.0)
    assert "10" not in world.documents.collections["stats"]


async def test_a_deleted_account_loses_its_statistics_and_leaves_the_leaderboards(world):
    world.names.update({1: "Аня", 2: "Боря"})
    await world.answer(answered(1, 5.0))
    await world.answer(answered(2, 1.0))
    assert (await world.stats.ask(GetUserStats(user_id=1))).totals.attempts == 1  # cached now
    await world.system.publish(AccountDeleted(user_id=1, channel="bot"))
    assert (await world.stats.ask(GetUserStats(user_id=1))).totals.attempts == 0
    assert set(world.documents.collections["stats"]) == {"2"}
    board = await world.stats.ask(GetLeaderboard(user_id=2, period="all", limit=10))
    assert [e.user_id for e in board.entries] == [2] and board.me.rank == 1


async def test_leaderboards_rank_by_points_with_shared_ranks_and_the_own_rank(world):
    world.names.update({1: "Аня", 2: "Боря", 3: "Вера", 4: "Гоша"})
    last_week = T0 - timedelta(days=3)
    for user, points in ((1, 5.0), (2, 9.0), (3, 5.0), (4, 1.0)):
        await world.answer(answered(user, points))
    await world.answer(answered(4, 20.0, at=last_week, subject="history"))
    for user in (1, 2, 3, 4):
        await world.stats.ask(GetUserStats(user_id=user))

    week = await world.stats.ask(GetLeaderboard(user_id=4, period="week", limit=3))
    assert week.week == "2026-W10"
    assert [(e.rank, e.display_name, e.points) for e in week.entries] == [(1, "Боря", 9.0), (2, "Аня", 5.0),
                                                                          (2, "Вера", 5.0)]
    assert (week.me.rank, week.me.points) == (4, 1.0)

    all_time = await world.stats.ask(GetLeaderboard(user_id=1, period="all", limit=2))
    assert [(e.user_id, e.points) for e in all_time.entries] == [(4, 21.0), (2, 9.0)]
    assert (all_time.me.rank, all_time.me.points) == (3, 5.0)

    history = await world.stats.ask(GetLeaderboard(user_id=1, period="all", subject="history"))
    assert [e.user_id for e in history.entries] == [4] and history.me is None
    assert (await world.stats.ask(GetLeaderboard(user_id=4, period="week", subject="history"))).entries == ()


async def test_a_new_week_starts_an_empty_weekly_board(world):
    await world.answer(answered(1, 3.0))
    await world.stats.ask(GetUserStats(user_id=1))
    world.now[0] = datetime(2026, 3, 9, 12, tzinfo=UTC)
    board = await world.stats.ask(GetLeaderboard(user_id=1, period="week"))
    assert board.week == "2026-W11" and board.entries == () and board.me is None
