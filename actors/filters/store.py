"""Filters on the document store: collection "filters", key = user id, body = FilterSettings as JSON."""
from __future__ import annotations

from loguru import logger
from pydantic import ValidationError

from actors.filters.views import FilterSettings
from storage.documents import DocumentStore

COLLECTION = "filters"


class FilterStore:
    def __init__(self, documents: DocumentStore) -> None:
        self._docs = documents

    async def load(self, user_id: int) -> FilterSettings | None:
        found = await self._docs.get(COLLECTION, str(user_id))
        if found is None:
            return None
        known = {k: v for k, v in found.body.items() if k in FilterSettings.model_fields}
        try:
            return FilterSettings.model_validate(known)
        except ValidationError:  # a broken document must not stop the user from training
            logger.warning("filters of user {} are unreadable; using the default", user_id)
            return None

    async def save(self, user_id: int, settings: FilterSettings) -> None:
        # Last write wins: only the user changes their own filter.
        await self._docs.replace(COLLECTION, str(user_id), settings.model_dump(mode="json"))

    async def delete(self, user_id: int) -> bool:
        return await self._docs.delete(COLLECTION, str(user_id))
