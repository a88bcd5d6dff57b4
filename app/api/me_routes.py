"""The personal cabinet: GET/PATCH/DELETE /me, POST /me/telegram-link."""
from __future__ import annotations

from aiohttp import web

from actors.users.messages import (CreateTelegramLinkCode, DeleteAccount, DeleteAccountWithPassword, GetUser,
                                   UpdateProfile, UserView)
from app.api.common import ask, client_address
from app.api.schemas import AccountDeletion, ProfilePatch, TelegramLinkView
from app.api.spec import api
from app.http import ValidationFailed
from app.keys import BOT_USERNAME


@api.get("/me", response=UserView, tags=["cabinet"], auth=True)
async def get_me(request: web.Request, principal: UserView) -> UserView:
    """Your profile and whether a Telegram user is linked to it."""
    return await ask(request, GetUser(user_id=principal.id))


@api.patch("/me", body=ProfilePatch, response=UserView, tags=["cabinet"], auth=True)
async def patch_me(request: web.Request, body: ProfilePatch, principal: UserView) -> UserView:
    """Change display name, grade or language."""
    return await ask(request, UpdateProfile(user_id=principal.id, **body.model_dump(exclude_unset=True)))


@api.delete("/me", body=AccountDeletion, status=204, tags=["cabinet"], auth=True, errors=[429])
async def delete_me(request: web.Request, body: AccountDeletion, principal: UserView) -> None:
    """Delete your account for good: profile, progress, statistics, ratings, mistakes queue, reminders
    and tokens. A wrong password is a 401 and counts as a failed login."""
    if principal.email is None:  # a Telegram user without a password: reachable only through the Mini App
        await ask(request, DeleteAccount(user_id=principal.id, channel="api"))
        return
    if body.password is None:
        raise ValidationFailed([{"loc": "body.password", "msg": "the account's password is required",
                                 "type": "missing"}], detail="1 invalid field in body")
    await ask(request, DeleteAccountWithPassword(
        user_id=principal.id, email=principal.email, password=body.password,
        client_address=client_address(request)))


@api.post("/me/telegram-link", response=TelegramLinkView, status=201, tags=["cabinet"], auth=True,
          errors=[409])
async def create_telegram_link(request: web.Request, principal: UserView) -> TelegramLinkView:
    """A one-time code (10 minutes) and a bot deep link that links your Telegram to this account."""
    link = await ask(request, CreateTelegramLinkCode(user_id=principal.id))
    username = request.app.get(BOT_USERNAME)
    deep_link = f"https://t.me/{username}?start={link.code}" if username else None
    return TelegramLinkView(code=link.code, deep_link=deep_link, expires_at=link.expires_at)
