"""Catalog + counts -> the options a filter screen shows. Pure."""
from __future__ import annotations

from actors.bank.messages import Catalog
from actors.filters.views import (
    FilterOptions,
    FilterSettings,
    FilterState,
    SourceOption,
    SubjectOption,
    ThemeOption,
    ValueOption,
)
from storage.postgres.facets_repo import FacetCounts

TYPES = ("yes_no", "one", "multiple", "open")
EMPTY_SELECTION = ("No question matches these filters. Widen the selection (the counts show what each "
                   "choice would give) or reset the filters.")


def state(settings: FilterSettings, matching: int) -> FilterState:
    return FilterState(filter=settings, matching=matching, message=None if matching else EMPTY_SELECTION)


def filter_options(settings: FilterSettings, catalog: Catalog, counts: FacetCounts) -> FilterOptions:
    stages = sorted({s.stage for s in catalog.sources})
    return FilterOptions(
        **dict(state(settings, counts.matching)),
        subjects=tuple(SubjectOption(code=s.code, name=s.name, questions=counts.subjects.get(s.code, 0),
                                     selected=s.code in settings.subjects) for s in catalog.subjects),
        themes=tuple(ThemeOption(id=t.id, subject=t.subject, name=t.name,
                                 questions=counts.themes.get(t.id, 0), selected=t.id in settings.themes)
                     for t in catalog.themes),
        sources=tuple(SourceOption(id=s.id, olympiad=s.olympiad, stage=s.stage, year=s.year,
                                   questions=counts.sources.get(s.id, 0), selected=s.id in settings.sources)
                      for s in catalog.sources),
        stages=tuple(ValueOption(value=v, questions=counts.stages.get(v, 0), selected=v in settings.stages)
                     for v in stages),
        types=tuple(ValueOption(value=v, questions=counts.types.get(v, 0), selected=v in settings.types)
                    for v in TYPES),
        difficulties=tuple(ValueOption(value=level, questions=counts.difficulties.get(level, 0),
                                       selected=settings.difficulty_min <= level <= settings.difficulty_max)
                           for level in range(1, 6)),
        may_in_subway=counts.may_in_subway)
