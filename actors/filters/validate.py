"""A filter may only name what the bank has: unknown values are refused with a clear message."""
from __future__ import annotations

from actors.bank.messages import Catalog
from actors.filters.errors import UnknownFilterValue
from actors.filters.views import FilterSettings


def known_values(catalog: Catalog) -> dict[str, set]:
    return {"subjects": {s.code for s in catalog.subjects}, "themes": {t.id for t in catalog.themes},
            "sources": {s.id for s in catalog.sources}, "stages": {s.stage for s in catalog.sources}}


def check_known(settings: FilterSettings, catalog: Catalog) -> None:
    for field, known in known_values(catalog).items():
        unknown = set(getattr(settings, field)) - known
        if unknown:
            raise UnknownFilterValue(field, unknown, known)
