"""The importer: bytes of a .json or .xlsx file -> validated drafts, or ImportRejected with every
problem by row. Nothing here touches the database; bank/store.py writes a parsed file."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from actors.bank.errors import ImportRejected, RowError
from actors.bank.importer.draft import QuestionDraft
from actors.bank.importer.json_reader import read_json
from actors.bank.importer.limits import MAX_FILE_BYTES, MAX_REPORTED_ERRORS
from actors.bank.importer.validate import validate_rows
from actors.bank.importer.xlsx_reader import read_xlsx

READERS = {".json": read_json, ".xlsx": read_xlsx}


@dataclass(frozen=True)
class ParsedFile:
    filename: str
    subjects: dict[str, str | None]  # every subject code the questions use -> its name, if given
    drafts: list[QuestionDraft]


def parse_file(content: bytes, filename: str) -> ParsedFile:
    suffix = PurePath(filename).suffix.lower()
    if suffix not in READERS:
        _reject([_whole_file(f"unsupported file type {suffix or '(none)'!r}: use .json or .xlsx")])
    if len(content) > MAX_FILE_BYTES:
        _reject([_whole_file(f"the file is {len(content) / 2**20:.1f} MB; the limit is "
                             f"{MAX_FILE_BYTES // 2**20} MB: split it into several files")])
    if not content.strip():
        _reject([_whole_file("the file is empty")])
    subjects, rows, errors = READERS[suffix](content)
    drafts, row_errors = validate_rows(rows)
    if errors or row_errors:
        _reject(errors + row_errors)
    used = {draft.subject for draft in drafts}
    return ParsedFile(filename=filename, drafts=drafts,
                      subjects={code: subjects.get(code) for code in sorted(used)})


def combine(files: list[ParsedFile]) -> ParsedFile:
    """Several files as one import (the seed bank): an external_id may appear only once overall."""
    seen: dict[str, str] = {}
    errors = []
    for file in files:
        for draft in file.drafts:
            if draft.external_id in seen:
                errors.append(_whole_file(f"{file.filename}: {draft.external_id!r} is also in "
                                          f"{seen[draft.external_id]}"))
            seen.setdefault(draft.external_id, file.filename)
    if errors:
        _reject(errors)
    subjects: dict[str, str | None] = {}
    for file in files:
        for code, name in file.subjects.items():
            subjects[code] = name or subjects.get(code)
    return ParsedFile(filename=", ".join(f.filename for f in files), subjects=subjects,
                      drafts=[d for f in files for d in f.drafts])


def _whole_file(message: str) -> RowError:
    return RowError(row=None, field=None, message=message)


def _reject(errors: list[RowError]) -> None:
    if len(errors) > MAX_REPORTED_ERRORS:
        hidden = len(errors) - MAX_REPORTED_ERRORS
        errors = errors[:MAX_REPORTED_ERRORS] + [_whole_file(f"… and {hidden} more errors")]
    raise ImportRejected(errors)
