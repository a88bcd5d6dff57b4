"""Filters over REST: which questions training gives you, and what the bank has to choose from."""
from __future__ import annotations

from aiohttp import web

from actors.filters.messages import (
    FilterOptions,
    FilterSettings,
    FilterState,
    GetFilterOptions,
    GetUserFilter,
    ResetUserFilter,
    SetUserFilter,
)
from actors.users.messages import UserView
from app.api.common import ask
from app.api.spec import api


@api.get("/filters", response=FilterSettings, tags=["filters"], auth=True)
async def get_filters(request: web.Request, principal: UserView) -> FilterSettings:
    """Your filters; an empty list means "any"."""
    return await ask(request, GetUserFilter(user_id=principal.id))


@api.put("/filters", body=FilterSettings, response=FilterState, tags=["filters"], auth=True)
async def put_filters(request: web.Request, body: FilterSettings, principal: UserView) -> FilterState:
    """Replace your filters. `matching` says how many questions they leave (0: `message` says what to do).
    A value the bank does not have is a 422 naming the field (`body.subjects`)."""
    return await ask(request, SetUserFilter(user_id=principal.id, filter=body))


@api.delete("/filters", response=FilterState, tags=["filters"], auth=True)
async def reset_filters(request: web.Request, principal: UserView) -> FilterState:
    """Back to every question of the bank."""
    return await ask(request, ResetUserFilter(user_id=principal.id))


@api.get("/filters/options", response=FilterOptions, tags=["filters"], auth=True)
async def get_filter_options(request: web.Request, principal: UserView) -> FilterOptions:
    """Every subject, theme, source, stage, type and difficulty in the bank, each with how many questions
    it would give together with the rest of your selection."""
    return await ask(request, GetFilterOptions(user_id=principal.id))
