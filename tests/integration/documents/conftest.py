"""The contract suite runs every test on both adapters (DESIGN §5), and on the unit tests' fake."""
from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.documents import DocumentStore
from tests.support.documents import CONTRACT_BACKENDS, any_store


@pytest.fixture(params=CONTRACT_BACKENDS)
async def store(request: pytest.FixtureRequest, empty_database: str,
                tmp_path: Path) -> AsyncIterator[DocumentStore]:
    async with any_store(request.param, request, empty_database, tmp_path,
                         only_documents=True) as (opened, _):
        yield opened
