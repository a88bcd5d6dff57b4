"""One xlsx sheet written in constant memory (openpyxl write-only): typed cells, a bold frozen
header, an autofilter over every row, and text that a spreadsheet could take for a formula stored
as plain text.

openpyxl turns a string starting with "=" into a formula, and Excel or LibreOffice would evaluate
text starting with = + - @ (or a tab / CR before them) once someone edits the cell. Such text is
written as a string cell (never a formula) with the quote-prefix style, which keeps it text even
when edited; the value itself is unchanged.

Every value goes through `cell`, whatever the column's declared type: the guard must not depend on
the query returning what the record says. It is on the path of every cell of a million-row export,
so the common types are dispatched on `type(value)` first and the isinstance checks are the slow path.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from contextlib import suppress
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from pydantic import BaseModel

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_TEXT = 32767  # Excel's limit per cell
_WIDTHS = {datetime: 20, str: 28, bool: 10, int: 12, float: 12}


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_PREFIXES)


class SheetWriter:
    """Not thread-safe; the export job calls it from one worker thread at a time."""

    def __init__(self, path: Path, title: str, record: type[BaseModel]) -> None:
        self.path = path
        self.rows = 0
        self._workbook = Workbook(write_only=True)
        self._sheet = self._workbook.create_sheet(title[:31])
        self._fields = list(record.model_fields)
        headers = [info.title or name for name, info in record.model_fields.items()]
        for index, (name, info) in enumerate(record.model_fields.items(), start=1):
            width = next((w for t, w in _WIDTHS.items() if t in _types(info.annotation)), 16)
            self._sheet.column_dimensions[get_column_letter(index)].width = max(width, len(headers[index - 1]) + 2)
        self._sheet.freeze_panes = "A2"
        self._sheet.append([self._header(text) for text in headers])

    def append(self, rows: Iterable[Sequence[Any]]) -> None:
        """Rows of values in the record's field order (as the report stream yields them)."""
        append, cell = self._sheet.append, self.cell
        count = 0
        for row in rows:
            append([cell(value) for value in row])
            count += 1
        self.rows += count

    def close(self) -> None:
        last_column = get_column_letter(len(self._fields))
        self._sheet.auto_filter.ref = f"A1:{last_column}{self.rows + 1}"
        self._workbook.save(self.path)

    def discard(self) -> None:
        """Gives up a sheet that will not be saved. openpyxl keeps the rows written so far in a
        temporary file (hundreds of MB for a big export) that it would delete only when the process
        exits; this deletes it now."""
        with suppress(Exception):
            if not self._sheet.closed:
                self._sheet.close()
        temporary = getattr(self._sheet, "_writer", None)  # openpyxl's sheet writer; no public handle
        if temporary is not None:
            with suppress(OSError, ValueError):  # already gone, or never registered
                temporary.cleanup()

    def cell(self, value: Any) -> Any:
        """A value openpyxl writes with the right type; text that looks like a formula stays text."""
        kind = type(value)
        if kind is str:
            return self._text(value)
        if value is None or kind is int or kind is bool:
            return value
        if kind is float:
            return value if math.isfinite(value) else None
        if kind is datetime:
            return _utc(value)
        return self._other(value)

    def _other(self, value: Any) -> Any:
        if isinstance(value, (bool, int)):
            return value
        if isinstance(value, float):
            return value if math.isfinite(value) else None
        if isinstance(value, Decimal):  # numeric columns; openpyxl writes Decimal as a number
            return value if value.is_finite() else None
        if isinstance(value, datetime):
            return _utc(value)
        if isinstance(value, date):
            return value
        return self._text(str(value))

    def _text(self, text: str) -> Any:
        text = ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_CELL_TEXT]
        if not is_formula_like(text):
            return text
        cell = WriteOnlyCell(self._sheet, value=text)
        cell.data_type = "s"  # openpyxl made "=…" a formula; it is data
        cell.quotePrefix = True
        return cell

    def _header(self, text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(self._sheet, value=text)
        cell.font = Font(bold=True)
        return cell


def _utc(value: datetime) -> datetime:
    """Excel has no time zones: UTC, as the headers say."""
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo is not None else value


def _types(annotation: Any) -> tuple[Any, ...]:
    return getattr(annotation, "__args__", (annotation,))
