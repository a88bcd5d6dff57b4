"""What the relay writes back: done rows deleted and failed ones released, in batches, by one task.

If PostgreSQL is away the writes wait and are tried again: a done row that stays a while longer is
only delivered once more later, which the subscribers' idempotency absorbs."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from loguru import logger

from actors.outbox.options import RelayOptions
from actors.runtime.waking import Ticker
from storage.postgres import Database, StoreUnavailable
from storage.postgres.outbox_repo import OutboxRepository


@dataclass(frozen=True)
class Release:
    row_id: int
    user_key: int
    pending: list[str]
    error: str
    delay: float
    dead: bool


class RelayWrites:
    def __init__(self, database: Database, options: RelayOptions) -> None:
        self._database = database
        self._options = options
        self._repo = OutboxRepository()
        self._done: list[int] = []
        self._releases: list[Release] = []
        self._unclaims: list[int] = []
        self._writing: list[int] = []  # taken by the flush under way
        self._holding: Counter[int] = Counter()  # user keys with a release not written yet
        self.ticker = Ticker(options.flush_interval)

    def done(self, row_id: int) -> None:
        self._done.append(row_id)
        if len(self._done) >= self._options.claim_size:
            self.ticker.wake()

    def holding(self, user_key: int) -> bool:
        """A failed row of this user is on its way back: the user's new rows must wait behind it."""
        return self._holding[user_key] > 0

    def unwritten_ids(self) -> list[int]:
        return [*self._done, *(r.row_id for r in self._releases), *self._unclaims, *self._writing]

    def unclaim(self, row_id: int) -> None:
        """A row claimed at its writing that has to wait for the poller after all (see holding)."""
        self._unclaims.append(row_id)
        self.ticker.wake()

    def release(self, row_id: int, user_key: int, pending: list[str], error: str, *, transient: bool,
                attempts: int) -> None:
        options = self._options
        dead = not transient and attempts >= options.max_attempts
        if dead:
            logger.error("outbox row {} gave up after {} failed deliveries ({}); kept as dead", row_id,
                         attempts, error)
        delay = min(options.retry_max, options.retry_first * 2 ** max(0, attempts - 1))
        self._releases.append(Release(row_id, user_key, pending, error, delay, dead))
        self._holding[user_key] += 1
        self.ticker.wake()


    async def run(self) -> None:
        """Until ticker.stop(); the last flush is the stopper's."""
        while await self.ticker.wait():
            if not await self.flush():
                await self.ticker.wait(self._options.poll_interval)

    async def flush(self) -> bool:
        """False when PostgreSQL did not take them (they stay for the next try)."""
        done, self._done = self._done, []
        releases, self._releases = self._releases, []
        unclaims, self._unclaims = self._unclaims, []
        if not done and not releases and not unclaims:
            return True
        self._writing = [*done, *(r.row_id for r in releases), *unclaims]
        try:
            async with self._database.transaction() as tx:
                if done:
                    await self._repo.delete_done(tx, done)
                for release in releases:
                    await self._repo.release(tx, release.row_id, delay=release.delay, pending=release.pending,
                                             error=release.error, dead=release.dead)
                if unclaims:
                    await self._repo.unclaim(tx, unclaims)
        except StoreUnavailable as error:
            logger.warning("outbox: {} done and {} failed rows not written yet ({})", len(done), len(releases),
                           error)
            self._put_back(done, releases, unclaims)
            return False
        except BaseException:  # cancelled mid-write (a stop): the last flush writes them
            self._put_back(done, releases, unclaims)
            raise
        finally:
            self._writing = []
        for release in releases:  # written: from now on the table itself keeps the user's order
            self._holding[release.user_key] -= 1
        return True

    def _put_back(self, done: list[int], releases: list[Release], unclaims: list[int]) -> None:
        self._done[:0], self._releases[:0], self._unclaims[:0] = done, releases, unclaims
