"""Filter screens: a summary with "N questions match", a screen of toggles per facet, reset.

Every press reads the user's current filter from the filters actor (so an old message's buttons act
on today's filter), applies the one change, stores it, and redraws the screen in place. A button
whose value left the bank is answered with a notice and the fresh screen.
"""
from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery
from aiogram.utils.callback_answer import CallbackAnswer

from actors.filters.messages import (
    FilterOptions,
    FilterSettings,
    GetFilterOptions,
    ResetUserFilter,
    SetUserFilter,
)
from actors.runtime import ActorSystem
from actors.users.messages import UserView
from app.bot import screens
from app.bot.flags import REGISTERED
from app.bot.keyboards import filters as kb
from app.bot.keyboards.callbacks import MenuCallback
from app.bot.keyboards.filters import FilterCallback
from app.bot.texts import filters as texts

LIST_FIELDS = {"sub": "subjects", "thm": "themes", "src": "sources", "stg": "stages", "typ": "types"}
SCREEN_OF = {"stg": "src", "sw": ""}  # toggles drawn on another screen


def render(facet: str, options: FilterOptions, page: int = 0) -> screens.Screen:
    if facet not in kb.FACETS:
        return screens.Screen(texts.summary(options), kb.summary(options))
    need_subject = facet == "thm" and not options.filter.subjects
    return screens.Screen(texts.facet_screen(facet, options, need_subject), kb.facet(facet, options, page))


def toggled(options: FilterOptions, facet: str, value: str) -> FilterSettings | None:
    """The filter with one value switched, or None when the value is not (any longer) on offer."""
    current = options.filter
    if facet == "sw":
        return current.model_copy(update={"only_may_in_subway": not current.only_may_in_subway})
    if facet == "dif":
        return _band(current, int(value)) if value in {"1", "2", "3", "4", "5"} else None
    if facet not in LIST_FIELDS or value not in {v for v, *_ in kb.toggles(facet, options)}:
        return None
    field = LIST_FIELDS[facet]
    chosen = {str(v) for v in getattr(current, field)} ^ {value}
    update: dict[str, object] = {field: tuple(int(v) if facet in ("thm", "src") else v for v in chosen)}
    if facet == "sub" and chosen:  # themes of subjects no longer chosen would match nothing
        kept = {t.id for t in options.themes if t.subject in chosen}
        update["themes"] = tuple(t for t in current.themes if t in kept)
    return FilterSettings.model_validate({**current.model_dump(), **update})


def _band(current: FilterSettings, level: int) -> FilterSettings:
    low, high = current.difficulty_min, current.difficulty_max
    if (low, high) == (1, 5) or low < level < high:
        low = high = level                   # from "any", or inside the band: just this level
    elif level < low or level > high:
        low, high = min(low, level), max(high, level)  # outside: widen up to it
    elif low == high:
        low, high = 1, 5                     # the only chosen level: back to any
    elif level == low:
        low += 1
    else:
        high -= 1
    return current.model_copy(update={"difficulty_min": low, "difficulty_max": high})


async def open_filters(query: CallbackQuery, user: UserView, actors: ActorSystem) -> None:
    await screens.show(query, render("", await actors.ask(GetFilterOptions(user_id=user.id))))


async def view(query: CallbackQuery, callback_data: FilterCallback, user: UserView,
               actors: ActorSystem) -> None:
    options = await actors.ask(GetFilterOptions(user_id=user.id))
    await screens.show(query, render(callback_data.facet, options, callback_data.page))


async def toggle(query: CallbackQuery, callback_data: FilterCallback, user: UserView, actors: ActorSystem,
                 callback_answer: CallbackAnswer) -> None:
    options = await actors.ask(GetFilterOptions(user_id=user.id))
    changed = toggled(options, callback_data.facet, callback_data.value)
    if changed is None:
        callback_answer.text = texts.option_gone()
    else:
        await actors.ask(SetUserFilter(user_id=user.id, filter=changed))
        options = await actors.ask(GetFilterOptions(user_id=user.id))
    screen = SCREEN_OF.get(callback_data.facet, callback_data.facet)
    await screens.show(query, render(screen, options, callback_data.page))


async def reset(query: CallbackQuery, user: UserView, actors: ActorSystem,
                callback_answer: CallbackAnswer) -> None:
    await actors.ask(ResetUserFilter(user_id=user.id))
    callback_answer.text = texts.reset_done()
    await screens.show(query, render("", await actors.ask(GetFilterOptions(user_id=user.id))))


def make_router() -> Router:
    """A fresh router each time (aiogram attaches a router to one dispatcher); first match wins."""
    router = Router(name=__name__)
    on_callback = router.callback_query.register
    on_callback(open_filters, MenuCallback.filter(F.screen == "filters"), flags=REGISTERED)
    on_callback(view, FilterCallback.filter(F.action == "v"), flags=REGISTERED)
    on_callback(toggle, FilterCallback.filter(F.action == "t"), flags=REGISTERED)
    on_callback(reset, FilterCallback.filter(F.action == "r"), flags=REGISTERED)
    return router
