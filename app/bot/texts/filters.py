"""The filter screens: which questions training gives. Bank names (subjects, themes, olympiads) are
content, shown as they are (HTML-escaped); codes (stages, types) get labels here."""
from __future__ import annotations

from aiogram.utils.i18n import gettext as _

from actors.filters.views import FilterOptions
from app.bot.texts.common import quote

MAX_NAMES = 3


def menu_button() -> str:
    return _("🎛 Filters")


def facet_title(facet: str) -> str:
    return {"sub": _("📚 Subjects"), "thm": _("🏷 Themes"), "src": _("🏛 Sources"),
            "typ": _("🧩 Question types"), "dif": _("📶 Difficulty")}.get(facet, "")


def stage_label(stage: str) -> str:
    return {"school": _("school stage"), "municipal": _("municipal stage"), "regional": _("regional stage"),
            "final": _("final stage")}.get(stage, stage)


def type_label(kind: str) -> str:
    return {"yes_no": _("Yes / no"), "one": _("One answer"), "multiple": _("Several answers"),
            "open": _("Open answer")}.get(kind, kind)


def subway_button(selected: bool, count: int) -> str:
    return ("✅ " if selected else "") + _("🚇 Without paper · {count}").format(count=count)


def reset_button() -> str:
    return _("♻️ Reset")


def back_to_filters_button() -> str:
    return _("« Filters")


def option_gone() -> str:
    return _("This choice is no longer available; here are the current ones.")


def reset_done() -> str:
    return _("Filters reset: every question again.")


def matching(options: FilterOptions) -> str:
    if options.matching:
        return _("✅ <b>Questions that match: {count}.</b>").format(count=options.matching)
    return _("⚠️ <b>No question matches these filters.</b> Widen the selection (the number on each "
             "button is how many questions that choice gives) or reset the filters.")


def summary(options: FilterOptions) -> str:
    f = options.filter
    band = (_("every level") if (f.difficulty_min, f.difficulty_max) == (1, 5)
            else f"{f.difficulty_min}–{f.difficulty_max}" if f.difficulty_min != f.difficulty_max
            else str(f.difficulty_min))
    lines = [
        _("<b>Filters</b>"),
        _("Training gives questions that fit every line; “any” means no restriction."),
        "",
        _("Subjects: {names}").format(names=_names(s.name for s in options.subjects if s.selected)),
        _("Themes: {names}").format(names=_names(t.name for t in options.themes if t.selected)),
        _("Sources: {names}").format(names=_names(source_label(s.olympiad, s.stage, s.year)
                                                   for s in options.sources if s.selected)),
        _("Stages: {names}").format(names=_names(stage_label(str(s.value)) for s in options.stages
                                                  if s.selected)),
        _("Question types: {names}").format(names=_names(type_label(str(t.value)) for t in options.types
                                                         if t.selected)),
        _("Difficulty: {band}").format(band=band),
        _("Only without paper: yes") if f.only_may_in_subway else _("Only without paper: no"),
        "",
        matching(options),
    ]
    return "\n".join(lines)


def facet_screen(facet: str, options: FilterOptions, themes_need_subject: bool = False) -> str:
    hint = (_("Tap a level to choose it, another one to widen the band; tapping the only chosen level "
              "allows every level.") if facet == "dif"
            else _("Tap to choose or remove; nothing chosen means any. The number on a button is how "
                   "many questions that choice gives."))
    lines = [_("<b>Filters</b> · {title}").format(title=facet_title(facet)), hint]
    if themes_need_subject:
        lines.append(_("Choose subjects first to see only their themes."))
    return "\n".join([*lines, "", matching(options)])


def source_label(olympiad: str, stage: str, year: int) -> str:
    return f"{olympiad} {year}, {stage_label(stage)}"


def _names(names) -> str:
    shown = [quote(n) for n in names]
    if not shown:
        return _("any")
    more = len(shown) - MAX_NAMES
    return ", ".join(shown[:MAX_NAMES]) + (_(" and {count} more").format(count=more) if more > 0 else "")
