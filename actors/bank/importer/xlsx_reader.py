"""Reading the xlsx format (columns.py): values only, formulas as text, never evaluated."""
from __future__ import annotations

import io
import zipfile
from typing import Any

from openpyxl import load_workbook

from actors.bank.errors import RowError
from actors.bank.importer import cells, columns
from actors.bank.importer.limits import MAX_QUESTIONS, MAX_UNPACKED_BYTES
from actors.bank.importer.validate import RawRow

SubjectNames = dict[str, str | None]


def read_xlsx(content: bytes) -> tuple[SubjectNames, list[RawRow], list[RowError]]:
    problem = _check_archive(content)
    if problem:
        return {}, [], [RowError(row=None, field=None, message=problem)]
    try:
        # data_only=False: a formula cell gives its formula text, never a computed (or cached) value.
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a broken file
        return {}, [], [RowError(row=None, field=None, message=f"cannot read the xlsx file: {type(exc).__name__}")]
    try:
        sheet = book[columns.SHEET] if columns.SHEET in book.sheetnames else book.worksheets[0]
        return _read_sheet(sheet.iter_rows(values_only=True))
    finally:
        book.close()


def _check_archive(content: bytes) -> str | None:
    """An xlsx is a zip: refuse one that is not, or that unpacks to something huge (a zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        return "not an xlsx file (it is not a zip archive)"
    if unpacked > MAX_UNPACKED_BYTES:
        return f"the xlsx unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB"
    return None


def _read_sheet(rows: Any) -> tuple[SubjectNames, list[RawRow], list[RowError]]:
    header = next(rows, None)
    if header is None or not any(header):
        return {}, [], [RowError(row=1, field=None, message="the sheet is empty: no header row")]
    names = [str(h).strip().lower() if h is not None else "" for h in header]
    errors = _check_header(names)
    if errors:
        return {}, [], errors
    subjects: SubjectNames = {}
    result: list[RawRow] = []
    for number, values in enumerate(rows, start=2):
        if not any(v not in (None, "") for v in values):
            continue  # blank rows between questions are harmless
        if len(result) >= MAX_QUESTIONS:
            return subjects, result, [RowError(row=number, field=None,
                                               message=f"more than {MAX_QUESTIONS} questions in one file")]
        cells_by_name = {name: value for name, value in zip(names, values) if name}
        raw = _row(number, cells_by_name)
        code = raw.data.get("subject")
        if isinstance(code, str):
            name = cells_by_name.get("subject_name")
            if name not in (None, "") or code not in subjects:
                subjects[code] = str(name).strip() if name not in (None, "") else subjects.get(code)
        result.append(raw)
    if not result:
        return subjects, [], [RowError(row=2, field=None, message="no questions below the header row")]
    return subjects, result, []


def _check_header(names: list[str]) -> list[RowError]:
    errors = [RowError(row=1, field=name, message="missing required column")
              for name in columns.REQUIRED if name not in names]
    errors += [RowError(row=1, field=name, message="unknown column")
               for name in names if name and name not in columns.ALL]
    errors += [RowError(row=1, field=name, message="column appears twice")
               for name in sorted({n for n in names if n and names.count(n) > 1})]
    return errors


def _row(number: int, values: dict[str, Any]) -> RawRow:
    data: dict[str, Any] = {}
    errors: list[RowError] = []

    def put(key: str, column: str, convert: Any, *args: Any) -> None:
        try:
            value = convert(values.get(column), *args)
        except cells.CellError as exc:
            errors.append(RowError(row=number, field=column, message=str(exc)))
            return
        if value is not None:
            data[key] = value

    for column in ("external_id", "subject", "theme", "text", "explanation", "image"):
        put(column, column, cells.text)
    put("type", "type", _question_type)
    put("correct", "correct", cells.correct, data.get("type"))
    put("difficulty", "difficulty", cells.integer)
    put("points", "points", cells.integer)
    put("tolerance", "tolerance", cells.number)
    put("may_in_subway", "may_in_subway", cells.boolean)
    _options(number, values, data, errors)
    _source(number, values, data, errors)
    return RawRow(row=number, data=data, kind="xlsx", errors=errors)


def _question_type(value: Any) -> str | None:
    return (cells.text(value) or "").strip().lower() or None


def _options(number: int, values: dict[str, Any], data: dict[str, Any], errors: list[RowError]) -> None:
    options = []
    for column in columns.OPTIONS:
        try:
            options.append(cells.text(values.get(column)))
        except cells.CellError as exc:
            errors.append(RowError(row=number, field=column, message=str(exc)))
    while options and options[-1] is None:
        options.pop()
    if None in options:
        gap = columns.OPTIONS[options.index(None)]
        errors.append(RowError(row=number, field=gap, message="empty option between filled ones"))
    elif options:
        data["options"] = options


def _source(number: int, values: dict[str, Any], data: dict[str, Any], errors: list[RowError]) -> None:
    given = [values.get(c) not in (None, "") for c in columns.SOURCE]
    if not any(given):
        return
    if not all(given):
        missing = [c for c, ok in zip(columns.SOURCE, given) if not ok]
        errors.append(RowError(row=number, field=missing[0], message="olympiad, stage and year go together"))
        return
    try:
        data["source"] = {"olympiad": cells.text(values["olympiad"]), "stage": cells.text(values["stage"]),
                          "year": cells.integer(values["year"])}
    except cells.CellError as exc:
        errors.append(RowError(row=number, field="source", message=str(exc)))
