"""The filters actor on fakes: a small bank in memory, counted the way the SQL counts it."""
from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from actors.aspects import configure_cache
from actors.bank.messages import Catalog, SourceEntry, SubjectEntry, ThemeEntry
from actors.filters.actor import FiltersActor
from actors.training.filters_asker import filters_asker
from actors.filters.views import FilterSettings
from actors.runtime import Actor, ActorRef, ActorSystem, Event, handles
from actors.training.filters import FiltersFor
from actors.users.messages import AccountDeleted, AccountsMerged
from storage.postgres.facets_repo import FacetCounts
from tests.support.memory_documents import MemoryDocumentStore


@dataclass(frozen=True)
class Q:
    subject: str
    theme: int
    source: int | None
    stage: str | None
    type: str
    difficulty: int
    subway: bool


BANK = [  # economics: themes 1, 2; geography: theme 3; sources 10 (school), 11 (final)
    Q("economics", 1, 10, "school", "one", 1, True), Q("economics", 1, 11, "final", "open", 4, False),
    Q("economics", 2, 10, "school", "yes_no", 2, True), Q("geography", 3, 11, "final", "multiple", 5, False),
    Q("geography", 3, None, None, "one", 3, True),
]
CATALOG = Catalog(
    subjects=(SubjectEntry(code="economics", name="Экономика", questions=3),
              SubjectEntry(code="geography", name="География", questions=2)),
    themes=(ThemeEntry(id=1, subject="economics", name="Спрос", questions=2),
            ThemeEntry(id=2, subject="economics", name="Фирма", questions=1),
            ThemeEntry(id=3, subject="geography", name="Реки", questions=2)),
    sources=(SourceEntry(id=10, olympiad="ВсОШ", stage="school", year=2024, questions=2),
             SourceEntry(id=11, olympiad="ВсОШ", stage="final", year=2025, questions=2)))


def matches(q: Q, f: FilterSettings, *, skip: str = "") -> bool:
    return ((skip == "subjects" or not f.subjects or q.subject in f.subjects)
            and (skip == "themes" or not f.themes or q.theme in f.themes)
            and (skip == "sources" or not f.sources or q.source in f.sources)
            and (skip == "stages" or not f.stages or q.stage in f.stages)
            and (skip == "types" or not f.types or q.type in f.types)
            and (skip == "difficulties" or f.difficulty_min <= q.difficulty <= f.difficulty_max)
            and (skip == "subway" or not f.only_may_in_subway or q.subway))


class FakeFacets:
    async def count(self, settings: FilterSettings) -> int:
        return sum(matches(q, settings) for q in BANK)

    async def counts(self, settings: FilterSettings) -> FacetCounts:
        def facet(name: str, attr: str) -> dict:
            found: dict = {}
            for q in BANK:
                if matches(q, settings, skip=name) and getattr(q, attr) is not None:
                    found[getattr(q, attr)] = found.get(getattr(q, attr), 0) + 1
            return found

        return FacetCounts(matching=await self.count(settings), subjects=facet("subjects", "subject"),
                           themes=facet("themes", "theme"), sources=facet("sources", "source"),
                           stages=facet("stages", "stage"), types=facet("types", "type"),
                           difficulties=facet("difficulties", "difficulty"),
                           may_in_subway=sum(matches(q, settings, skip="subway") and q.subway for q in BANK))


class EventLog(Actor):
    def __init__(self, events: list) -> None:
        self.events = events

    @handles(Event, logged=False, timed=False)
    async def record(self, event: Event) -> None:
        self.events.append(event)


@dataclass
class FiltersWorld:
    system: ActorSystem
    filters: ActorRef
    filters_for: FiltersFor
    documents: MemoryDocumentStore
    events: list


@pytest.fixture
async def world() -> AsyncIterator[FiltersWorld]:
    configure_cache(None)
    documents, events = MemoryDocumentStore(), []

    async def catalog() -> Catalog:
        return CATALOG

    system = ActorSystem(default_ask_timeout=5.0, busy_wait=0.5)
    filters = system.spawn("filters", lambda: FiltersActor(documents, catalog, FakeFacets()))
    system.subscribe(AccountsMerged, filters)
    system.subscribe(AccountDeleted, filters)
    system.subscribe(Event, system.spawn("events", lambda: EventLog(events)))
    await system.start()
    yield FiltersWorld(system, filters, filters_asker(filters), documents, events)
    await system.stop(drain_timeout=2.0)
