"""Writes a parsed import in one transaction: everything or nothing, idempotent by external_id."""
from __future__ import annotations

from actors.bank.importer import ParsedFile
from actors.bank.importer.draft import QuestionDraft
from actors.bank.messages import ImportSummary, QuestionsImported
from storage.postgres import Database
from storage.postgres.bank_repo import BankRepository, QuestionWrite


class BankStore:
    def __init__(self, database: Database) -> None:
        self._db = database
        self._bank = BankRepository()

    async def apply(self, parsed: ParsedFile, filename: str) -> ImportSummary:
        """The summary; QuestionsImported is recorded with the questions."""
        drafts = parsed.drafts
        async with self._db.transaction() as tx:
            await self._bank.lock(tx)  # a concurrent import (another process) waits for this one
            subject_ids = await self._bank.subject_ids(tx, parsed.subjects)
            source_keys = {(d.source.olympiad, d.source.stage, d.source.year) for d in drafts if d.source}
            source_ids = await self._bank.source_ids(tx, source_keys) if source_keys else {}
            theme_ids = await self._bank.theme_ids(tx, {(subject_ids[d.subject], d.theme) for d in drafts})
            stored = await self._bank.existing_hashes(tx, [d.external_id for d in drafts])
            rows = [_row(d, subject_ids, source_ids, theme_ids) for d in drafts]
            created = [r for r in rows if r.external_id not in stored]
            updated = [r for r in rows if r.external_id in stored and stored[r.external_id] != r.content_hash]
            await self._bank.insert_questions(tx, created)
            await self._bank.update_questions(tx, updated)
            summary = ImportSummary(total=len(rows), created=len(created), updated=len(updated),
                                    unchanged=len(rows) - len(created) - len(updated))
            await tx.record(QuestionsImported(filename=filename, **summary.model_dump()))
        if created:
            async with self._db.autocommit() as tx:
                await self._bank.refresh_planner_statistics(tx)
        return summary


def _row(draft: QuestionDraft, subject_ids: dict, source_ids: dict, theme_ids: dict) -> QuestionWrite:
    subject_id = subject_ids[draft.subject]
    source = draft.source
    return QuestionWrite(
        external_id=draft.external_id, subject_id=subject_id, theme_id=theme_ids[(subject_id, draft.theme)],
        source_id=source_ids[(source.olympiad, source.stage, source.year)] if source else None,
        type=draft.type, text=draft.text, options=draft.options, correct_answer=draft.correct,
        tolerance=draft.tolerance, explanation=draft.explanation, may_in_subway=draft.may_in_subway,
        image=draft.image, difficulty=draft.difficulty, points=draft.points or 1,
        content_hash=draft.content_hash())
