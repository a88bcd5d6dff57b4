"""Leaderboard replies from the documents: the top of a board and one user's own entry."""
from __future__ import annotations

from collections.abc import Awaitable, Callable

from actors.stats.boards import Board, competition_ranks
from actors.stats.store import StatsStore
from actors.stats.views import LeaderboardEntry, LeaderboardTop

NamesOf = Callable[[list[int]], Awaitable[dict[int, str | None]]]


async def top_of(store: StatsStore, names_of: NamesOf, board: Board, limit: int) -> LeaderboardTop:
    docs = await store.top(board, limit)
    scores = [board.score(d.body) for d in docs]
    user_ids = [int(d.body["user_id"]) for d in docs]
    names = await names_of(user_ids) if user_ids else {}
    ranks = competition_ranks([points for points, _ in scores])
    entries = tuple(LeaderboardEntry(rank=rank, user_id=uid, display_name=names.get(uid), points=points,
                                     attempts=attempts)
                    for rank, uid, (points, attempts) in zip(ranks, user_ids, scores, strict=True))
    return LeaderboardTop(period=board.period, subject=board.subject,
                          week=board.week if board.period == "week" else None, entries=entries)


async def own_entry(store: StatsStore, names_of: NamesOf, board: Board, user_id: int,
                    top: LeaderboardTop) -> LeaderboardEntry | None:
    """The user's entry: from the top when there, else counted; None with no points on this board."""
    listed = next((e for e in top.entries if e.user_id == user_id), None)
    if listed is not None:
        return listed
    doc, _ = await store.load(user_id)
    points, attempts = board.score(doc.model_dump(mode="json")) if doc else (0.0, 0)
    if points <= 0:
        return None
    names = await names_of([user_id])
    return LeaderboardEntry(rank=await store.ahead_of(board, points) + 1, user_id=user_id,
                            display_name=names.get(user_id), points=points, attempts=attempts)
