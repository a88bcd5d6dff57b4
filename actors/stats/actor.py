"""The stats actor: applies every answer to the user's document, answers statistics and leaderboards,
rebuilds documents from PostgreSQL. Sharded by user id (see routing.py)."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from actors.aspects import cached, invalidate, invalidates
from actors.runtime import Actor, handles
from actors.stats.apply import AnswerFact
from actors.stats.boards import Board
from actors.stats.calendar import week_id, zone
from actors.stats.document import StatsDocument
from actors.stats.history import AttemptHistory
from actors.stats.leaderboards import NamesOf, own_entry, top_of
from actors.stats.messages import (
    GetLeaderboard,
    GetLeaderboardTop,
    GetUserStats,
    Leaderboard,
    LeaderboardTop,
    RebuildReport,
    RebuildStats,
    UserStats,
)
from actors.stats.rebuild import rebuild_user
from actors.stats.render import local_today, user_stats
from actors.stats.store import StatsStore
from actors.retry import while_unavailable
from actors.training.messages import AnswerSubmitted
from actors.users.messages import AccountDeleted, AccountsMerged
from storage.documents import DocumentStore

TimezoneOf = Callable[[int], Awaitable[str]]
Clock = Callable[[], datetime]


def _user_key(msg: object) -> str:
    return str(msg.user_id)


def _target_key(msg: object) -> str:
    return str(msg.target_user_id)


def _board_key(msg: GetLeaderboardTop) -> str:
    return f"{msg.period}:{msg.subject or '*'}:{msg.limit}"


def utc_now() -> datetime:
    return datetime.now(UTC)


class StatsActor(Actor):
    def __init__(self, documents: DocumentStore, history: AttemptHistory, timezone_of: TimezoneOf,
                 names_of: NamesOf, clock: Clock = utc_now) -> None:
        self._store = StatsStore(documents)
        self._history = history
        self._timezone_of = timezone_of
        self._names_of = names_of
        self._clock = clock

    async def on_start(self) -> None:
        if self.shard == 0:  # one shard is enough; the call is idempotent anyway
            await self._store.ensure_indexes()

    @handles(AnswerSubmitted)
    @invalidates("stats", key=_user_key)
    async def on_answer(self, event: AnswerSubmitted) -> None:
        fact = AnswerFact.model_validate(event.model_dump(include=set(AnswerFact.model_fields)))

        async def apply() -> None:  # idempotent per attempt id, so a retry cannot count twice
            name = await self._timezone_of(event.user_id)
            await self._store.add_answer(fact, name, zone(name))

        await while_unavailable(apply, what=f"stats for attempt {event.attempt_id}")

    @handles(AccountsMerged)
    @invalidates("stats", key=_target_key)
    async def on_merged(self, event: AccountsMerged) -> None:
        """The source's attempts now belong to the target (moved in PostgreSQL): recount the target."""
        await rebuild_user(self._store, self._history, event.target_user_id, self._timezone_of)
        await self._store.delete(event.source_user_id)
        await invalidate("stats", str(event.source_user_id))

    @handles(AccountDeleted)
    @invalidates("stats", key=_user_key)
    async def on_deleted(self, event: AccountDeleted) -> None:
        """The attempts went with the user (PostgreSQL cascade); the document goes too, and with it
        the user's places on the leaderboards (their cached tops live 5 s)."""
        await self._store.delete(event.user_id)

    @handles(GetUserStats)
    @cached(ttl=60, key=_user_key, namespace="stats")
    async def get_user_stats(self, msg: GetUserStats) -> UserStats:
        doc, _ = await self._store.load(msg.user_id)
        if doc is None:
            doc = StatsDocument(user_id=msg.user_id, timezone=await self._timezone_of(msg.user_id))
        now = self._clock()
        return user_stats(doc, local_today(now, zone(doc.timezone)), week_id(now))

    @handles(GetLeaderboardTop)
    @cached(ttl=5, key=_board_key, namespace="leaderboard")  # shared by everyone; short-lived
    async def get_top(self, msg: GetLeaderboardTop) -> LeaderboardTop:
        return await top_of(self._store, self._names_of, self._board(msg), msg.limit)

    @handles(GetLeaderboard)
    async def get_leaderboard(self, msg: GetLeaderboard) -> Leaderboard:
        query = GetLeaderboardTop(period=msg.period, subject=msg.subject, limit=msg.limit)
        top = await self.get_top(query)
        me = await own_entry(self._store, self._names_of, self._board(msg), msg.user_id, top)
        if me is not None and me.rank <= msg.limit and all(e.user_id != me.user_id for e in top.entries):
            # The cached top predates the points that put this user in it: never show a list that
            # leaves out a rank the same reply gives; read it now (and keep that for everyone).
            await invalidate("leaderboard", _board_key(query))
            top = await self.get_top(query)
            me = await own_entry(self._store, self._names_of, self._board(msg), msg.user_id, top)
        return Leaderboard(**dict(top), me=me)

    @handles(RebuildStats)
    async def rebuild(self, msg: RebuildStats) -> RebuildReport:
        user_ids = [msg.user_id] if msg.user_id is not None else sorted(
            set(await self._history.user_ids()) | set(await self._store.user_ids()))
        users = attempts = removed = 0
        for user_id in user_ids:
            result = await rebuild_user(self._store, self._history, user_id, self._timezone_of)
            await invalidate("stats", str(user_id))
            users += result.attempts > 0
            attempts += result.attempts
            removed += result.removed
        return RebuildReport(users=users, attempts=attempts, removed=removed)

    def _board(self, msg: GetLeaderboardTop | GetLeaderboard) -> Board:
        return Board(period=msg.period, subject=msg.subject, week=week_id(self._clock()))
