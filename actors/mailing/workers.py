"""The sending tasks of one mailing actor: at most one per mailing, found again by a periodic scan,
stopped gracefully (the group in flight completes) when the actor stops."""
from __future__ import annotations

import asyncio

from loguru import logger

from actors.mailing.ledger import MailingLedger
from actors.mailing.options import MailingOptions
from actors.mailing.pacing import ChatPacer, RateLimiter
from actors.mailing.sender import Sender
from actors.mailing.worker import MailingWorker
from storage.postgres import Database
from storage.postgres.mailing_repo import MailingRecord, MailingRepository


class Workers:
    def __init__(self, database: Database, ledger: MailingLedger, sender: Sender, options: MailingOptions,
                 limiter: RateLimiter, pacer: ChatPacer) -> None:
        self._db, self._ledger, self._sender, self._options = database, ledger, sender, options
        self.limiter, self.pacer = limiter, pacer
        self._running: dict[int, tuple[MailingWorker, asyncio.Task[None]]] = {}
        self._mailings = MailingRepository()
        self._scanner: asyncio.Task[None] | None = None
        self._closed = False

    def start(self) -> None:
        self._scanner = asyncio.create_task(self._scan_forever(), name="mailing:scanner")

    async def stop(self) -> None:
        self._closed = True
        if self._scanner is not None:
            self._scanner.cancel()
        for worker, _ in self._running.values():
            worker.stop()
        tasks = [task for _, task in self._running.values()]
        if tasks:
            _, late = await asyncio.wait(tasks, timeout=self._options.stop_grace)
            for task in late:  # a send hung past the grace: its recipient will read as interrupted
                task.cancel()
        await asyncio.gather(*filter(None, [self._scanner, *tasks]), return_exceptions=True)

    def ensure(self, record: MailingRecord) -> None:
        """Sends this running mailing from here too, unless a task of ours already does."""
        if self._closed:
            return
        if record.id in self._running:
            worker, task = self._running[record.id]
            if worker.stopping:  # paused and resumed at once: go on as soon as the old task ends
                task.add_done_callback(lambda _: self.ensure(record))
            return
        worker = MailingWorker(record.id, record.text, record.photo, self._ledger, self._sender, self.limiter,
                               self.pacer, self._options)
        task = asyncio.create_task(worker.run(), name=f"mailing:{record.id}")
        self._running[record.id] = (worker, task)
        task.add_done_callback(lambda done, mailing_id=record.id: self._done(mailing_id, done))

    def stop_one(self, mailing_id: int) -> None:
        entry = self._running.get(mailing_id)
        if entry is not None:
            entry[0].stop()

    def _done(self, mailing_id: int, task: asyncio.Task[None]) -> None:
        if mailing_id in self._running and self._running[mailing_id][1] is task:
            del self._running[mailing_id]
        if not task.cancelled() and task.exception() is not None:  # the next scan starts it again
            logger.opt(exception=task.exception()).error("mailing {}: sending stopped with an error", mailing_id)

    async def _scan_forever(self) -> None:
        while True:
            try:
                async with self._db.transaction() as tx:
                    running = [await self._mailings.get(tx, i) for i in await self._mailings.running_ids(tx)]
                for record in running:
                    if record is not None:
                        self.ensure(record)
            except Exception as error:  # noqa: BLE001 - the database may be away; the next scan retries
                logger.warning("mailing scan failed: {}", type(error).__name__)
            await asyncio.sleep(self._options.scan_seconds)
