"""The filter screens' keyboards: a toggle per bank value with its count (✅ when chosen), pages for
long lists. Buttons carry ids and codes, never names, so the data stays far below 64 bytes."""
from __future__ import annotations

from collections.abc import Sequence

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from actors.filters.views import FilterOptions
from app.bot.keyboards.callbacks import MenuCallback
from app.bot.texts import common
from app.bot.texts import filters as texts

PAGE_SIZE = 10
LABEL_CHARS = 40
FACETS = ("sub", "thm", "src", "typ", "dif")  # screens with toggles; "stg" and "sw" toggle only


class FilterCallback(CallbackData, prefix="flt"):
    action: str        # "v" view a screen | "t" toggle a value | "r" reset
    facet: str = ""    # a FACETS screen, "stg" (stages, on "src"), "sw" (subway, on the summary); "" summary
    value: str = ""    # what is toggled: a subject code, a theme/source id, a stage, a type, a level
    page: int = 0      # of a long list


Toggle = tuple[str, str, int, bool]  # value, label, questions, selected


def _label(text: str, questions: int, selected: bool) -> str:
    text = text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…"
    return f"{'✅ ' if selected else ''}{text} · {questions}"


def summary(options: FilterOptions) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for facet in FACETS:
        kb.button(text=texts.facet_title(facet), callback_data=FilterCallback(action="v", facet=facet))
    kb.button(text=texts.subway_button(options.filter.only_may_in_subway, options.may_in_subway),
              callback_data=FilterCallback(action="t", facet="sw"))
    kb.button(text=texts.reset_button(), callback_data=FilterCallback(action="r"))
    kb.button(text=common.menu_button(), callback_data=MenuCallback(screen="main"))
    kb.adjust(2)
    return kb.as_markup()


def rows(count: int, per_row: int) -> list[int]:
    """Row sizes for `count` buttons, `per_row` a row, the last row shorter (for kb.adjust)."""
    return [per_row] * (count // per_row) + ([count % per_row] if count % per_row else [])


def page_of(items: Sequence[object], page: int) -> tuple[int, int]:
    """The page actually shown (clamped) and the number of pages."""
    pages = max(1, -(-len(items) // PAGE_SIZE))
    return min(max(page, 0), pages - 1), pages


def facet(facet: str, options: FilterOptions, page: int = 0) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    sizes: list[int] = []
    if facet == "src":  # stages first: a short row that narrows the sources below
        stages = toggles("stg", options)
        _toggles(kb, "stg", stages, page)
        sizes += rows(len(stages), 2)
    items = toggles(facet, options)
    page, pages = page_of(items, page)
    shown = items[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
    per_row = 3 if facet == "dif" else 2 if facet in ("sub", "typ") else 1
    _toggles(kb, facet, shown, page)
    sizes += rows(len(shown), per_row)
    arrows = [(f"‹ {page}/{pages}", page - 1)] if page > 0 else []
    arrows += [(f"{page + 2}/{pages} ›", page + 1)] if page < pages - 1 else []
    for text, target in arrows:  # each names the page it leads to
        kb.button(text=text, callback_data=FilterCallback(action="v", facet=facet, page=target))
    sizes += [len(arrows)] if arrows else []
    kb.button(text=texts.back_to_filters_button(), callback_data=FilterCallback(action="v"))
    if not options.matching:
        kb.button(text=texts.reset_button(), callback_data=FilterCallback(action="r"))
    kb.adjust(*sizes, 2)
    return kb.as_markup()


def toggles(facet: str, options: FilterOptions) -> list[Toggle]:
    chosen = set(options.filter.subjects)
    if facet == "sub":
        return [(s.code, s.name, s.questions, s.selected) for s in options.subjects]
    if facet == "thm":
        return [(str(t.id), t.name, t.questions, t.selected) for t in options.themes
                if not chosen or t.subject in chosen]
    if facet == "src":
        return [(str(s.id), texts.source_label(s.olympiad, s.stage, s.year), s.questions, s.selected)
                for s in options.sources]
    if facet == "stg":
        return [(str(s.value), texts.stage_label(str(s.value)), s.questions, s.selected)
                for s in options.stages]
    if facet == "typ":
        return [(str(t.value), texts.type_label(str(t.value)), t.questions, t.selected)
                for t in options.types]
    if facet == "dif":  # the whole band is "any": no ✅, like an empty list
        banded = (options.filter.difficulty_min, options.filter.difficulty_max) != (1, 5)
        return [(str(d.value), str(d.value), d.questions, d.selected and banded)
                for d in options.difficulties]
    return []


def _toggles(kb: InlineKeyboardBuilder, facet: str, items: Sequence[Toggle], page: int) -> None:
    for value, label, questions, selected in items:
        kb.button(text=_label(label, questions, selected),
                  callback_data=FilterCallback(action="t", facet=facet, value=value, page=page))
