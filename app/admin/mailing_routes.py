"""Mailings: create, list, progress, preview, start, pause, resume, cancel."""
from __future__ import annotations

from aiohttp import web

from actors.mailing.messages import (
    CancelMailing,
    CreateMailing,
    GetMailingProgress,
    ListMailings,
    MailingProgress,
    MailingView,
    PauseMailing,
    PreviewMailing,
    ResumeMailing,
    StartMailing,
)
from actors.users.messages import UserView
from app.admin.schemas import CreateMailingRequest, MailingPath, Page
from app.admin.spec import admin_api
from app.api.common import ask

TAGS = ["mailings"]


@admin_api.post("/mailings", body=CreateMailingRequest, response=MailingView, status=201, tags=TAGS, admin=True)
async def create_mailing(request: web.Request, body: CreateMailingRequest, principal: UserView) -> MailingView:
    """Create a draft; the HTML is checked the way Telegram checks it (422 with the position)."""
    return await ask(request, CreateMailing(admin_user_id=principal.id, **body.model_dump()))


@admin_api.get("/mailings", query=Page, response=list[MailingView], tags=TAGS, admin=True)
async def list_mailings(request: web.Request, query: Page) -> list[MailingView]:
    """Mailings, newest first."""
    return await ask(request, ListMailings(limit=query.limit, offset=query.offset))


@admin_api.get("/mailings/{mailing_id}", path=MailingPath, response=MailingProgress, tags=TAGS, admin=True,
               errors=[404])
async def mailing_progress(request: web.Request, path: MailingPath) -> MailingProgress:
    """Status and progress: sent, failed, blocked, interrupted, pending, current rate."""
    return await ask(request, GetMailingProgress(mailing_id=path.mailing_id))


@admin_api.post("/mailings/{mailing_id}/preview", path=MailingPath, status=204, tags=TAGS, admin=True,
                errors=[404, 409, 429])
async def preview_mailing(request: web.Request, path: MailingPath, principal: UserView) -> None:
    """Send the mailing to your own Telegram chat only (your account must be linked to Telegram)."""
    await ask(request, PreviewMailing(mailing_id=path.mailing_id, admin_user_id=principal.id,
                                      chat_id=principal.telegram_id))


@admin_api.post("/mailings/{mailing_id}/start", path=MailingPath, response=MailingView, status=202, tags=TAGS,
                admin=True, errors=[404, 409])
async def start_mailing(request: web.Request, path: MailingPath, principal: UserView) -> MailingView:
    """Start sending (replies at once; follow GET /mailings/{id}). Repeating it is harmless."""
    return await ask(request, StartMailing(mailing_id=path.mailing_id, admin_user_id=principal.id))


@admin_api.post("/mailings/{mailing_id}/pause", path=MailingPath, response=MailingView, tags=TAGS, admin=True,
                errors=[404, 409])
async def pause_mailing(request: web.Request, path: MailingPath, principal: UserView) -> MailingView:
    """Pause: messages in flight complete, nothing new goes out until resumed."""
    return await ask(request, PauseMailing(mailing_id=path.mailing_id, admin_user_id=principal.id))


@admin_api.post("/mailings/{mailing_id}/resume", path=MailingPath, response=MailingView, status=202, tags=TAGS,
                admin=True, errors=[404, 409])
async def resume_mailing(request: web.Request, path: MailingPath, principal: UserView) -> MailingView:
    """Resume a paused mailing where it stopped."""
    return await ask(request, ResumeMailing(mailing_id=path.mailing_id, admin_user_id=principal.id))


@admin_api.post("/mailings/{mailing_id}/cancel", path=MailingPath, response=MailingView, tags=TAGS, admin=True,
                errors=[404, 409])
async def cancel_mailing(request: web.Request, path: MailingPath, principal: UserView) -> MailingView:
    """Cancel for good: recipients not reached yet get nothing."""
    return await ask(request, CancelMailing(mailing_id=path.mailing_id, admin_user_id=principal.id))
