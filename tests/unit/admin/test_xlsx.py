"""xlsx sheets: typed cells, frozen header, autofilter, and formula-like text that reads back as text."""
from __future__ import annotations

import tempfile
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from enum import IntEnum, StrEnum

import pytest
from openpyxl import load_workbook
from pydantic import BaseModel, Field

from actors.export.xlsx import SheetWriter, is_formula_like

DANGEROUS = ["=1+1", "=HYPERLINK(\"http://evil\",\"x\")", "+7 (999) 123", "-5", "@SUM(A1:A2)", "\t=1+1", "\r=1",
             "=cmd|' /C calc'!A0"]


class Row(BaseModel):
    id: int = Field(title="Id")
    at: datetime = Field(title="When (UTC)")
    ok: bool = Field(title="Ok")
    score: float = Field(title="Score")
    text: str | None = Field(title="Text")


class Pair(BaseModel):
    first: str = Field(title="First")
    second: str | None = Field(title="Second")


def write(path, rows, record=Row):
    """Rows are models here for readability; the sheet takes what the report stream yields: tuples
    of values in the record's field order."""
    writer = SheetWriter(path, "Data", record)
    writer.append(tuple(getattr(row, name) for name in record.model_fields) if isinstance(row, BaseModel)
                  else row for row in rows)
    writer.close()
    return load_workbook(path)["Data"]


def test_cells_are_typed_and_the_sheet_is_ready_to_filter(tmp_path):
    moscow = timezone(timedelta(hours=3))
    sheet = write(tmp_path / "a.xlsx", [Row(id=1, at=datetime(2026, 3, 1, 15, 0, tzinfo=moscow), ok=True, score=0.5,
                                            text="Привет"),
                                        Row(id=2, at=datetime(2026, 3, 2), ok=False, score=1.0, text=None)])
    assert [c.value for c in sheet[1]] == ["Id", "When (UTC)", "Ok", "Score", "Text"]
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:E3"
    assert sheet["A2"].value == 1 and sheet["A2"].data_type == "n"
    assert sheet["B2"].value == datetime(2026, 3, 1, 12, 0) and sheet["B2"].is_date  # UTC, as the header says
    assert sheet["C2"].value is True and sheet["D2"].value == 0.5 and sheet["E2"].value == "Привет"
    assert sheet["E3"].value is None


@pytest.mark.parametrize("text", DANGEROUS)
def test_formula_like_text_comes_back_as_the_same_text_never_a_formula(tmp_path, text):
    assert is_formula_like(text)
    sheet = write(tmp_path / "f.xlsx", [Row(id=1, at=datetime(2026, 1, 1), ok=True, score=0, text=text)])
    cell = sheet["E2"]
    # lxml writes a CR as &#13;, so even a leading CR comes back as it was.
    assert cell.data_type == "s" and cell.value == text and cell.quotePrefix


def test_plain_text_is_not_marked(tmp_path):
    sheet = write(tmp_path / "p.xlsx", [Row(id=1, at=datetime(2026, 1, 1), ok=True, score=0, text="a=b")])
    assert sheet["E2"].value == "a=b" and not sheet["E2"].quotePrefix


def test_characters_a_spreadsheet_cannot_hold_are_dropped(tmp_path):
    sheet = write(tmp_path / "c.xlsx", [Row(id=1, at=datetime(2026, 1, 1), ok=True, score=float("nan"),
                                            text="bell\x07 and\x00 null")])
    assert sheet["E2"].value == "bell and null" and sheet["D2"].value is None


def test_every_formula_like_cell_of_a_batch_comes_back_as_its_own_text(tmp_path):
    rows = [("=1+1", "@SUM(A1)"), ("plain", "-5"), ("+7 999", "=HYPERLINK(\"http://evil\",\"x\")"), ("=A1", None)]
    sheet = write(tmp_path / "b.xlsx", rows, record=Pair)
    for index, values in enumerate(rows, start=2):
        for cell, value in zip(sheet[index], values):
            assert cell.value == value
            if value is not None:
                assert cell.data_type == "s" and cell.quotePrefix == is_formula_like(value), (cell.coordinate, value)


class Level(IntEnum):
    HIGH = 3


class Mark(StrEnum):
    FORMULA = "=1+2"


class Shouty:
    def __str__(self) -> str:
        return "=cmd|' /C calc'!A0"


def test_the_guard_does_not_trust_the_declared_type_of_a_column(tmp_path):
    # A query that returns text where the record says number (or a str subclass, or any object
    # whose text looks like a formula) still writes text, never a formula.
    sheet = write(tmp_path / "t.xlsx", [("=1+1", Mark.FORMULA), (Shouty(), "x")], record=Pair)
    assert [(c.value, c.data_type, c.quotePrefix) for c in sheet[2]] == [("=1+1", "s", True), ("=1+2", "s", True)]
    assert (sheet["A3"].value, sheet["A3"].data_type) == ("=cmd|' /C calc'!A0", "s") and sheet["A3"].quotePrefix
    sheet = write(tmp_path / "n.xlsx", [("=SUM(A1:A9)", datetime(2026, 1, 1), True, 0.5, None)])
    assert (sheet["A2"].value, sheet["A2"].data_type) == ("=SUM(A1:A9)", "s") and sheet["A2"].quotePrefix


def test_numbers_dates_and_subclasses_keep_their_types(tmp_path):
    sheet = write(tmp_path / "d.xlsx", [(Level.HIGH, Decimal("2.5")), (Decimal("NaN"), date(2026, 5, 1)),
                                        (float("inf"), datetime(2026, 1, 1, 3, tzinfo=timezone(timedelta(hours=3))))],
                  record=Pair)
    assert (sheet["A2"].value, sheet["A2"].data_type) == (3, "n") and (sheet["B2"].value, sheet["B2"].data_type) == (2.5, "n")
    assert sheet["A3"].value is None and sheet["B3"].is_date and sheet["B3"].value == datetime(2026, 5, 1)
    assert sheet["A4"].value is None and sheet["B4"].value == datetime(2026, 1, 1, 0, 0)


def test_a_discarded_sheet_leaves_no_temporary_file(tmp_path, monkeypatch):
    # openpyxl keeps the rows in a temporary file until the workbook is saved (or the process exits).
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    writer = SheetWriter(tmp_path / "never.xlsx", "Data", Row)
    writer.append([(1, datetime(2026, 1, 1), True, 0.5, "=1+1")] * 100)
    assert list(temporary.iterdir())
    writer.discard()
    assert list(temporary.iterdir()) == [] and not (tmp_path / "never.xlsx").exists()
