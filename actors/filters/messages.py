"""The filters concern's contract. Replies are in views.py; errors in errors.py.

The actor also handles users' AccountsMerged: the target keeps its own filter, or takes the source's
when it had none; and AccountDeleted: the user's filter goes."""
from __future__ import annotations

from typing import ClassVar

from actors.filters.views import (
    FilterOptions,
    FilterSettings,
    FilterState,
    SourceOption,
    SubjectOption,
    ThemeOption,
    ValueOption,
)
from actors.runtime import Event, Message

__all__ = ["FilterOptions", "FilterSettings", "FilterState", "FiltersChanged", "GetFilterOptions",
           "GetUserFilter", "ResetUserFilter", "SetUserFilter", "SourceOption", "SubjectOption",
           "ThemeOption", "ValueOption"]


class GetUserFilter(Message):
    """-> FilterSettings (everything allowed when the user never set one). Cheap: training asks it
    for every question."""
    user_id: int
    log_fields = ("user_id",)


class SetUserFilter(Message):
    """-> FilterState. Raises UnknownFilterValue (InvalidInput) naming the field and the values the bank
    lacks. A filter that matches no question is stored all the same: the reply says so in `message`."""
    analytics_action: ClassVar[str] = "filter_changed"
    user_id: int
    filter: FilterSettings
    log_fields = ("user_id",)


class ResetUserFilter(Message):
    """-> FilterState of the default filter (everything)."""
    analytics_action: ClassVar[str] = "filter_changed"
    user_id: int
    log_fields = ("user_id",)


class GetFilterOptions(Message):
    """-> FilterOptions: every subject, theme, source, stage, type and difficulty of the bank, each with
    the number of questions it would give together with the rest of the user's selection."""
    user_id: int
    log_fields = ("user_id",)


class FiltersChanged(Event):
    user_id: int
    filter: FilterSettings
