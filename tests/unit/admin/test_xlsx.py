"""xlsx sheets: typed cells, frozen header, autofilter, and formula-like text that reads back as text."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

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


def write(path, rows):
    writer = SheetWriter(path, "Data", Row)
    writer.append(rows)
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
    # XML readers turn a raw CR into LF (line-end normalisation); the text is otherwise unchanged.
    assert cell.data_type == "s" and cell.value == text.replace("\r", "\n") and cell.quotePrefix


def test_plain_text_is_not_marked(tmp_path):
    sheet = write(tmp_path / "p.xlsx", [Row(id=1, at=datetime(2026, 1, 1), ok=True, score=0, text="a=b")])
    assert sheet["E2"].value == "a=b" and not sheet["E2"].quotePrefix


def test_characters_a_spreadsheet_cannot_hold_are_dropped(tmp_path):
    sheet = write(tmp_path / "c.xlsx", [Row(id=1, at=datetime(2026, 1, 1), ok=True, score=float("nan"),
                                            text="bell\x07 and\x00 null")])
    assert sheet["E2"].value == "bell and null" and sheet["D2"].value is None
