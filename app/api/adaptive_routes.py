"""Adaptive learning over REST: your ratings, your mistakes queue and your reminder settings.
(The adaptive and mistakes questions themselves come from GET /training/next?mode=….)"""
from __future__ import annotations

from zoneinfo import available_timezones

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field

from actors.adaptive.messages import (
    DueReviews,
    GetDueReviews,
    GetUserRatings,
    UserRatings,
)
from actors.reminders.messages import (
    DisableReminders,
    EnableReminders,
    GetReminderSettings,
    ReminderSettings,
)
from actors.users.messages import UserView
from app.api.common import ask
from app.api.spec import api


class DueQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    limit: int = Field(20, ge=0, le=200, description="how many due mistakes to list (the count is always given)")


def _list_zones(schema: dict) -> None:
    # The names a client may send, in the document (the server still checks them against
    # PostgreSQL's, which hold every one of these).
    options = schema.get("anyOf", [schema])
    for option in options:
        if option.get("type") == "string":
            option["enum"] = sorted(available_timezones())


class RemindersRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    hour: int = Field(ge=0, le=23, description="the local hour to be reminded at")
    timezone: str | None = Field(None, min_length=1, max_length=64, json_schema_extra=_list_zones,
                                 description="IANA time zone, e.g. Europe/Moscow; default: your profile's")


@api.get("/ratings/me", response=UserRatings, tags=["adaptive"], auth=True)
async def get_my_ratings(request: web.Request, principal: UserView) -> UserRatings:
    """Your rating in each subject you have answered, with a readable level (in your language)."""
    return await ask(request, GetUserRatings(user_id=principal.id, locale=principal.locale))


@api.get("/reviews/due", query=DueQuery, response=DueReviews, tags=["adaptive"], auth=True)
async def get_due_reviews(request: web.Request, query: DueQuery, principal: UserView) -> DueReviews:
    """Your mistakes due for review now, most overdue first (work on them: /training/next?mode=mistakes)."""
    return await ask(request, GetDueReviews(user_id=principal.id, limit=query.limit))


@api.get("/reminders", response=ReminderSettings, tags=["adaptive"], auth=True)
async def get_reminders(request: web.Request, principal: UserView) -> ReminderSettings:
    """Your daily reminder in the Telegram bot: on or off, and at which local hour."""
    return await ask(request, GetReminderSettings(user_id=principal.id))


@api.put("/reminders", body=RemindersRequest, response=ReminderSettings, tags=["adaptive"], auth=True,
         errors=[404])
async def put_reminders(request: web.Request, body: RemindersRequest, principal: UserView) -> ReminderSettings:
    """Turn the daily bot reminder on at this local hour: it comes when mistakes are due or your streak
    is at risk, at most once a day (a Telegram-linked account is needed to receive it)."""
    return await ask(request, EnableReminders(user_id=principal.id, **body.model_dump()))


@api.delete("/reminders", response=ReminderSettings, tags=["adaptive"], auth=True)
async def delete_reminders(request: web.Request, principal: UserView) -> ReminderSettings:
    """Turn the daily reminder off."""
    return await ask(request, DisableReminders(user_id=principal.id))
