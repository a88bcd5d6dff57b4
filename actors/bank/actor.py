"""The bank actor: owns subjects, sources, themes and questions (the training actor only reads them and
bumps their counters). Import, export, the catalog, and the seed bank on first start."""
from __future__ import annotations

import asyncio
from pathlib import Path

from loguru import logger

from actors.aspects import cached, invalidates
from actors.bank.export import export_json, export_xlsx
from actors.bank.importer import ParsedFile, combine, parse_file
from actors.bank.messages import (
    Catalog,
    ExportedFile,
    ExportQuestions,
    GetCatalog,
    ImportQuestions,
    ImportSummary,
    SourceEntry,
    SubjectEntry,
    ThemeEntry,
)
from actors.bank.store import BankStore
from actors.runtime import Actor, handles
from storage.postgres import Database
from storage.postgres.catalog_repo import CatalogRepository
from storage.postgres.questions_repo import QuestionsRepository

CONTENT_TYPES = {"json": "application/json",
                 "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _whole_bank(msg: object) -> str:
    return "all"


class BankActor(Actor):
    def __init__(self, database: Database, seed_dir: Path | None = None) -> None:
        self._db = database
        self._seed_dir = seed_dir
        self._store = BankStore(database)
        self._questions = QuestionsRepository()
        self._catalog = CatalogRepository()

    async def on_start(self) -> None:
        """An empty bank gets the seed files, through the same importer admins use."""
        if self._seed_dir is None:
            return
        async with self._db.transaction() as tx:
            if await self._questions.any(tx):
                return
        paths = sorted(self._seed_dir.glob("*.json"))
        parsed = await asyncio.to_thread(lambda: combine([parse_file(p.read_bytes(), p.name) for p in paths]))
        summary = await self._store.apply(parsed, "seed")
        logger.info("seed bank loaded from {}: {} questions ({} new)", self._seed_dir, summary.total,
                    summary.created)

    @handles(ImportQuestions)
    @invalidates("bank", key=_whole_bank)
    async def import_questions(self, msg: ImportQuestions) -> ImportSummary:
        # Parsing a big xlsx is CPU work: a thread keeps the event loop answering everyone else.
        parsed: ParsedFile = await asyncio.to_thread(parse_file, msg.content, msg.filename)
        return await self._store.apply(parsed, msg.filename)

    @handles(ExportQuestions)
    async def export_questions(self, msg: ExportQuestions) -> ExportedFile:
        async with self._db.transaction() as tx:
            records = await self._questions.all(tx)
        writer = export_xlsx if msg.format == "xlsx" else export_json
        content = await asyncio.to_thread(writer, records)
        return ExportedFile(filename=f"questions.{msg.format}", content_type=CONTENT_TYPES[msg.format],
                            content=content, questions=len(records))

    @handles(GetCatalog)
    @cached(ttl=60, key=_whole_bank, namespace="bank")  # an import here drops it; elsewhere within 60 s
    async def get_catalog(self, msg: GetCatalog) -> Catalog:
        async with self._db.transaction() as tx:
            subjects = await self._catalog.subjects(tx)
            themes = await self._catalog.themes(tx)
            sources = await self._catalog.sources(tx)
        return Catalog(subjects=tuple(SubjectEntry.model_validate(s.model_dump()) for s in subjects),
                       themes=tuple(ThemeEntry.model_validate(t.model_dump()) for t in themes),
                       sources=tuple(SourceEntry.model_validate(s.model_dump()) for s in sources))
