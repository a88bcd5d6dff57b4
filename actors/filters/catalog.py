"""What filters ask the bank: its catalogue (subjects, themes, sources) to check and offer choices.
The bank never asks filters back."""
from __future__ import annotations

from collections.abc import Callable

from actors.bank.messages import Catalog, GetCatalog
from actors.runtime import ActorRef


def catalog_asker(bank: Callable[[], ActorRef]) -> Callable[[], object]:
    """bank: resolved when asked, so the bank may be spawned after filters."""

    async def catalog() -> Catalog:
        return await bank().ask(GetCatalog())

    return catalog
