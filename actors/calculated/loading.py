"""A templates file (data/questions/FORMAT.md, "Calculated questions") -> validated templates, or
ImportRejected listing every problem by row (the template's 1-based position) and field, as the
bank's importer reports questions."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from actors.bank.errors import ImportRejected, RowError
from actors.bank.importer.limits import MAX_FILE_BYTES
from actors.calculated.model import Template
from actors.calculated.validation import validate_template

FORMAT = "apo-templates/1"
_TOP_KEYS = {"format", "subject", "templates"}
MAX_TEMPLATES = 1000


@dataclass(frozen=True)
class TemplateFile:
    filename: str
    subject_names: dict[str, str]  # the document's default subject, when it names one
    templates: list[Template]


def load_templates(content: bytes, filename: str, validate: bool = True) -> TemplateFile:
    """validate=False skips the draws (1,000 per template): for a file validated when it came in."""
    document = _document(content)
    subject = document.get("subject") or {}
    default = subject.get("code")
    rows, errors = [], []
    for number, item in enumerate(document["templates"], start=1):
        if not isinstance(item, dict):
            errors.append(RowError(row=number, field=None, message="a template must be an object"))
            continue
        try:
            template = Template.model_validate({"subject": default, **item} if default else item, strict=True)
        except ValidationError as exc:
            errors += [
                RowError(
                    row=number,
                    field=".".join(map(str, e["loc"])) or None,
                    message="unknown field" if e["type"] == "extra_forbidden" else e["msg"],
                )
                for e in exc.errors()
            ]
            continue
        if validate:
            errors += [
                RowError(row=number, field=e.field, message=e.message)
                for e in validate_template(template).errors
            ]
        rows.append((number, template))
    seen: dict[str, int] = {}
    for number, template in rows:
        if template.external_id in seen:
            errors.append(
                RowError(
                    row=number,
                    field="external_id",
                    message=f"{template.external_id!r} is already used in row {seen[template.external_id]}",
                )
            )
        seen.setdefault(template.external_id, number)
    if errors:
        raise ImportRejected(errors)
    names = {default: subject["name"]} if default and subject.get("name") else {}
    return TemplateFile(filename, names, [template for _, template in rows])


def _document(content: bytes) -> dict[str, Any]:
    def refuse(message: str) -> ImportRejected:
        return ImportRejected([RowError(row=None, field=None, message=message)])

    if len(content) > MAX_FILE_BYTES:
        raise refuse(f"the file is over {MAX_FILE_BYTES // 2**20} MB")
    try:
        document = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise refuse(f"not valid UTF-8 JSON: {exc}") from None
    if not isinstance(document, dict):
        raise refuse('the document must be an object with "format" and "templates"')
    problems = [f"unknown key {key!r}" for key in sorted(set(document) - _TOP_KEYS)]
    if document.get("format") != FORMAT:
        problems.append(f'"format" must be {FORMAT!r}')
    subject = document.get("subject")
    if subject is not None and not (
        isinstance(subject, dict)
        and isinstance(subject.get("code"), str)
        and isinstance(subject.get("name", ""), str)
        and set(subject) <= {"code", "name"}
    ):
        problems.append('"subject" must be an object {"code": …, "name": …}')
    templates = document.get("templates")
    if not isinstance(templates, list) or not templates or len(templates) > MAX_TEMPLATES:
        problems.append(f'"templates" must be a list of 1 to {MAX_TEMPLATES} templates')
    if problems:
        raise ImportRejected([RowError(row=None, field=None, message=p) for p in problems])
    return document
