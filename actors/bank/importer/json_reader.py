"""The JSON import format (data/questions/FORMAT.md): a document with "format", an optional default
"subject" {code, name}, optional "subjects" [{code, name}], and "questions"."""
from __future__ import annotations

import json
from typing import Any

from actors.bank.errors import RowError
from actors.bank.importer.validate import RawRow

FORMAT = "apo-questions/1"
_TOP_KEYS = {"format", "subject", "subjects", "questions"}

SubjectNames = dict[str, str | None]


def read_json(content: bytes) -> tuple[SubjectNames, list[RawRow], list[RowError]]:
    try:
        document = json.loads(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return {}, [], [_file_error("the file is not UTF-8 text")]
    except json.JSONDecodeError as exc:
        return {}, [], [_file_error(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")]
    except RecursionError:  # the json module recurses per level: thousands of [ would crash the import
        return {}, [], [_file_error("the JSON is nested too deeply")]
    if not isinstance(document, dict):
        return {}, [], [_file_error("the document must be an object with \"format\" and \"questions\"")]
    errors = [_file_error(f"unknown key {key!r}") for key in sorted(set(document) - _TOP_KEYS)]
    if document.get("format") != FORMAT:
        errors.append(_file_error(f"\"format\" must be {FORMAT!r}"))
    names, default_subject = _subjects(document, errors)
    questions = document.get("questions")
    if not isinstance(questions, list) or not questions:
        errors.append(_file_error("\"questions\" must be a non-empty list"))
        return names, [], errors
    rows = []
    for number, item in enumerate(questions, start=1):
        if not isinstance(item, dict):
            rows.append(RawRow(row=number, data={}, errors=[RowError(row=number, field=None,
                                                                      message="a question must be an object")]))
            continue
        if default_subject and "subject" not in item:
            item = {**item, "subject": default_subject}
        subject = item.get("subject")
        if isinstance(subject, str):
            names.setdefault(subject.strip(), None)
        rows.append(RawRow(row=number, data=item))
    return names, rows, errors


def _subjects(document: dict[str, Any], errors: list[RowError]) -> tuple[SubjectNames, str | None]:
    """Subject names by code, and the default subject code of the document (if any)."""
    names: SubjectNames = {}
    listed = document.get("subjects", [])
    single = document.get("subject")
    entries = ([single] if single is not None else []) + (listed if isinstance(listed, list) else [None])
    for entry in entries:
        if (not isinstance(entry, dict) or set(entry) - {"code", "name"}
                or not isinstance(entry.get("code"), str) or not isinstance(entry.get("name", ""), str)):
            errors.append(_file_error("a subject must be an object {\"code\": …, \"name\": …}"))
            continue
        name = (entry.get("name") or "").strip()
        names[entry["code"].strip()] = name[:100] or None
    default = single["code"].strip() if isinstance(single, dict) and isinstance(single.get("code"), str) else None
    return names, default


def _file_error(message: str) -> RowError:
    return RowError(row=None, field=None, message=message)
