"""Rows -> validated drafts, or the list of what is wrong with each row. No database needed."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import ValidationError

from actors.bank.errors import RowError
from actors.bank.importer.draft import DEFAULT_POINTS, QuestionDraft

MAX_ACCEPTED = 20  # accepted answers of an open question


@dataclass(frozen=True)
class RawRow:
    row: int
    data: dict[str, Any]
    kind: Literal["json", "xlsx"] = "json"
    errors: list[RowError] = field(default_factory=list)  # found while reading (xlsx cell types)


def validate_rows(rows: list[RawRow]) -> tuple[list[QuestionDraft], list[RowError]]:
    drafts: list[QuestionDraft] = []
    errors: list[RowError] = []
    first_seen: dict[str, int] = {}
    for raw in rows:
        draft, problems = validate_row(raw)
        errors.extend(problems)
        external_id = draft.external_id if draft else str(raw.data.get("external_id") or "").strip()
        if external_id in first_seen:
            errors.append(RowError(row=raw.row, field="external_id",
                                   message=f"{external_id!r} is already used in row {first_seen[external_id]}"))
        elif external_id:
            first_seen[external_id] = raw.row
        if draft is not None and not problems:
            drafts.append(draft)
    return drafts, errors


def validate_row(raw: RawRow) -> tuple[QuestionDraft | None, list[RowError]]:
    if raw.errors:
        return None, raw.errors
    try:
        draft = QuestionDraft.model_validate(raw.data, strict=True)
    except ValidationError as exc:
        return None, [RowError(row=raw.row, field=_field(e["loc"], raw.kind), message=_message(e))
                      for e in exc.errors()]
    correct, problems = _check_answer(draft, raw.kind)
    if problems:
        return None, [RowError(row=raw.row, field=name, message=text) for name, text in problems]
    points = draft.points or DEFAULT_POINTS[draft.type]
    return draft.model_copy(update={"correct": correct, "points": points}), []


def _field(loc: tuple, kind: str) -> str:
    if kind == "xlsx":
        if loc[:1] == ("options",) and len(loc) > 1:
            return f"option_{int(loc[1]) + 1}"
        if loc[:1] == ("source",) and len(loc) > 1:
            return str(loc[1])
    return ".".join(str(part) for part in loc) or "row"


_PATTERN_HINTS = {
    "external_id": "use up to 64 latin letters, digits and . _ : - (e.g. econ-0001)",
    "subject": "use a code of lowercase latin letters, digits and _ (e.g. economics)",
    "stage": "use a code of lowercase latin letters, digits and _ (e.g. school, regional)",
}


def _message(error: dict[str, Any]) -> str:
    if error["type"] == "string_pattern_mismatch":
        return _PATTERN_HINTS.get(str(error["loc"][-1]), error["msg"])
    if error["type"] == "extra_forbidden":
        return "unknown field"
    return error["msg"]


def _is_index(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_answer(draft: QuestionDraft, kind: str) -> tuple[Any, list[tuple[str, str]]]:
    """The normalised correct answer, or what is wrong with options/correct/tolerance."""
    problems: list[tuple[str, str]] = []
    choice = draft.type in ("one", "multiple")
    count = len(draft.options)
    first = 1 if kind == "xlsx" else 0  # how the file counts options, for messages
    if choice and count < 2:
        problems.append(("options", f"a '{draft.type}' question needs 2 to 10 options"))
    if choice and len(set(draft.options)) != count:
        problems.append(("options", "options repeat"))
    if not choice and count:
        problems.append(("options", f"a '{draft.type}' question has no options"))
    if draft.tolerance is not None and draft.type != "open":
        problems.append(("tolerance", "only open questions have a tolerance"))
    correct = draft.correct
    expected = {"yes_no": "true or false", "one": f"one option number from {first}",
                "multiple": f"a list of option numbers from {first}", "open": "accepted answers (text)"}
    if draft.type == "yes_no":
        ok = isinstance(correct, bool)
    elif draft.type == "one":
        ok = _is_index(correct) and 0 <= correct < count
    elif draft.type == "multiple":
        ok = (isinstance(correct, list) and bool(correct) and len(set(correct)) == len(correct)
              and all(_is_index(i) and 0 <= i < count for i in correct))
        correct = sorted(correct) if ok else correct
    else:
        accepted = [correct] if isinstance(correct, str) else correct
        ok = (isinstance(accepted, list) and 0 < len(accepted) <= MAX_ACCEPTED
              and all(isinstance(a, str) and a.strip() and len(a) <= 200 for a in accepted))
        correct = [a.strip() for a in accepted] if ok else correct
        if ok and any("|" in a for a in correct):  # "|" separates accepted answers in xlsx
            problems.append(("correct", "an accepted answer may not contain \"|\""))
    if not ok and not (choice and count < 2):
        problems.append(("correct", f"expected {expected[draft.type]}"
                                    + (f" to {count - 1 + first}" if choice else "")))
    return correct, problems
