"""The mailing actor: drafts, preview, start/pause/resume/cancel and progress of broadcast mailings.

Sending runs in tasks this actor owns (workers.py: one per running mailing, found again by a
periodic scan, so a mailing started or resumed elsewhere, or running when this process died, is
picked up here too). Leases in PostgreSQL let several processes share one mailing (see ledger.py).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from actors.mailing.errors import (
    InvalidHtml,
    MailingNotFound,
    MailingStateConflict,
    SenderUnavailable,
)
from actors.mailing.html import CAPTION_LIMIT, TEXT_LIMIT, HtmlError, check_html
from actors.mailing.ledger import MailingLedger, finished_event
from actors.mailing.messages import (
    CancelMailing,
    CreateMailing,
    GetMailing,
    GetMailingProgress,
    ListMailings,
    MailingProgress,
    MailingStarted,
    MailingView,
    PauseMailing,
    PreviewMailing,
    ResumeMailing,
    SetBotBlocked,
    StartMailing,
)
from actors.mailing.options import MailingOptions, new_owner
from actors.mailing.pacing import ChatPacer, RateLimiter
from actors.mailing.preview import send_preview
from actors.mailing.sender import Sender
from actors.mailing.views import RATE_WINDOW_SECONDS, to_progress, to_view
from actors.mailing.workers import Workers
from actors.runtime import Actor, Event, handles
from storage.postgres import Database
from storage.postgres.mailing_repo import MailingRecord, MailingRepository
from storage.postgres.recipients_repo import RecipientsRepository

_PHOTO = re.compile(r"^(https://\S+|[A-Za-z0-9_-]{20,})$")  # an https URL or a Telegram file_id

class MailingActor(Actor):
    def __init__(self, database: Database, sender: Sender | None, options: MailingOptions | None = None,
                 limiter: RateLimiter | None = None, pacer: ChatPacer | None = None) -> None:
        self._db = database
        self._sender = sender
        self._options = options or MailingOptions()
        self._given_limiter, self._given_pacer = limiter, pacer
        self._mailings = MailingRepository()
        self._recipients = RecipientsRepository()

    async def on_start(self) -> None:
        self._ledger = MailingLedger(self._db, new_owner(), self._options.lease_seconds)
        # Shared by previews, every mailing here and the reminders: one Telegram budget per process.
        self._limiter = self._given_limiter or RateLimiter(self._options.rate)
        self._pacer = self._given_pacer or ChatPacer(self._options.per_chat_interval)
        self._workers: Workers | None = None
        if self._sender is not None and self._options.workers:
            self._workers = Workers(self._db, self._ledger, self._sender, self._options, self._limiter,
                                    self._pacer)
            self._workers.start()

    async def on_stop(self) -> None:
        if self._workers is not None:
            await self._workers.stop()
        if self._sender is not None:
            await self._sender.close()

    @handles(CreateMailing)
    async def create(self, msg: CreateMailing) -> MailingView:
        try:
            check_html(msg.text, limit=CAPTION_LIMIT if msg.photo else TEXT_LIMIT)
        except HtmlError as error:
            raise InvalidHtml(f"the text is not valid Telegram HTML: {error}") from None
        if msg.photo is not None and not _PHOTO.match(msg.photo):
            raise InvalidHtml("the photo must be an https URL or a Telegram file_id")
        segment = msg.segment.model_dump(mode="json")
        async with self._db.transaction() as tx:
            record = await self._mailings.create(tx, created_by=msg.admin_user_id, text=msg.text, photo=msg.photo,
                                                 segment=segment)
        return to_view(record, audience=await self._ledger.audience(segment, msg.admin_user_id))

    @handles(GetMailing, logged=False)
    async def get(self, msg: GetMailing) -> MailingView:
        return to_view(await self._load(msg.mailing_id))

    @handles(ListMailings, logged=False)
    async def list(self, msg: ListMailings) -> list[MailingView]:
        async with self._db.transaction() as tx:
            return [to_view(r) for r in await self._mailings.list(tx, msg.limit, msg.offset)]

    @handles(GetMailingProgress, logged=False)
    async def progress(self, msg: GetMailingProgress) -> MailingProgress:
        async with self._db.transaction() as tx:
            record = await self._mailings.get(tx, msg.mailing_id)
            if record is None:
                raise MailingNotFound()
            recent = await self._mailings.recent_attempts(tx, msg.mailing_id, RATE_WINDOW_SECONDS)
        return to_progress(record, recent)

    @handles(PreviewMailing)
    async def preview(self, msg: PreviewMailing) -> None:
        record = await self._load(msg.mailing_id)
        await send_preview(self._require_sender(), self._limiter, self._pacer, self._options, record, msg.chat_id)

    @handles(StartMailing, ResumeMailing)
    async def start(self, msg: StartMailing | ResumeMailing) -> MailingView:
        await self._load(msg.mailing_id)  # a missing mailing is a 404 whether or not the bot is set up
        self._require_sender()
        allowed = ("draft",) if isinstance(msg, StartMailing) else ("paused",)
        record = await self._transition(msg.mailing_id, allowed, "running", already="running",
                                        event=lambda r: MailingStarted(mailing_id=r.id, user_id=msg.admin_user_id))
        if self._workers is not None:  # else a process that sends picks it up at its next scan
            self._workers.ensure(record)
        return to_view(record)

    @handles(PauseMailing)
    async def pause(self, msg: PauseMailing) -> MailingView:
        record = await self._transition(msg.mailing_id, ("running",), "paused", already="paused")
        if self._workers is not None:
            self._workers.stop_one(record.id)
        return to_view(record)

    @handles(CancelMailing)
    async def cancel(self, msg: CancelMailing) -> MailingView:
        record = await self._transition(msg.mailing_id, ("draft", "running", "paused"), "cancelled",
                                        already="cancelled", event=lambda r: finished_event(r, "cancelled"))
        if self._workers is not None:
            self._workers.stop_one(record.id)
        return to_view(record)

    @handles(SetBotBlocked)
    async def set_bot_blocked(self, msg: SetBotBlocked) -> None:
        async with self._db.transaction() as tx:
            await self._recipients.set_bot_blocked(tx, msg.telegram_id, msg.blocked)

    # --- helpers -----------------------------------------------------------------------------

    def _require_sender(self) -> Sender:
        if self._sender is None:
            raise SenderUnavailable()
        return self._sender

    async def _load(self, mailing_id: int) -> MailingRecord:
        async with self._db.transaction() as tx:
            record = await self._mailings.get(tx, mailing_id)
        if record is None:
            raise MailingNotFound()
        return record

    async def _transition(self, mailing_id: int, allowed: tuple[str, ...], to: str, *, already: str,
                          event: Callable[[MailingRecord], Event] | None = None) -> MailingRecord:
        """The mailing after the change, whose event is recorded with it; unchanged when it already is
        `already` (a repeat is harmless, and records nothing)."""
        async with self._db.transaction() as tx:
            record = changed = await self._mailings.transition(tx, mailing_id, allowed, to)
            if changed is not None and event is not None:
                await tx.record(event(changed))
            if record is None:
                record = await self._mailings.get(tx, mailing_id)
        if record is None:
            raise MailingNotFound()
        if changed is None and record.status != already:
            raise MailingStateConflict(f"the mailing is {record.status}; it cannot become {to}")
        return record
