"""The xlsx importer without a database: columns, cell types, formulas read as text, bad files."""
from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from actors.bank.errors import ImportRejected
from actors.bank.importer import parse_file

HEADER = ["external_id", "subject", "theme", "type", "text", "option_1", "option_2", "option_3", "correct",
          "explanation", "difficulty", "olympiad", "stage", "year", "may_in_subway"]
GOOD = ["x-1", "economics", "Спрос", "one", "Что?", "а", "б", "в", 2, "Потому что.", 2, "Кубок", "final", 2025,
        "да"]


def workbook(*rows: list, header: list | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "questions"
    sheet.append(HEADER if header is None else header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def row(**changes) -> list:
    values = dict(zip(HEADER, GOOD))
    values.update(changes)
    return [values[name] for name in HEADER]


def rejected(content: bytes) -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        parse_file(content, "bank.xlsx")
    return [str(e) for e in caught.value.errors]


def test_a_good_sheet_becomes_drafts_with_options_counted_from_one():
    parsed = parse_file(workbook(row(), row(external_id="x-2", type="multiple", correct="1, 3"),
                                 row(external_id="x-3", type="open", option_1=None, option_2=None, option_3=None,
                                     correct="Канберра | Canberra"),
                                 row(external_id="x-4", type="yes_no", option_1=None, option_2=None,
                                     option_3=None, correct="нет")), "bank.xlsx")
    one, multiple, open_, yes_no = parsed.drafts
    assert one.correct == 1 and one.options == ["а", "б", "в"] and one.may_in_subway is True
    assert multiple.correct == [0, 2]
    assert open_.correct == ["Канберра", "Canberra"]
    assert yes_no.correct is False
    assert one.source.year == 2025


def test_formula_cells_are_text_never_evaluated():
    parsed = parse_file(workbook(row(text="=SUM(A1:A3)", option_1="=1+1", option_2="+7", option_3="@home")),
                        "bank.xlsx")
    draft = parsed.drafts[0]
    assert draft.text == "=SUM(A1:A3)" and draft.options == ["=1+1", "+7", "@home"]


def test_a_formula_where_a_number_belongs_is_an_error_not_a_computed_value():
    assert rejected(workbook(row(difficulty="=1+2"))) == ["row 2: difficulty: expected a whole number, got '=1+2'"]


def test_missing_and_unknown_columns_are_reported_on_the_header_row():
    header = [h for h in HEADER if h not in ("correct", "difficulty")] + ["optoin_4"]
    errors = rejected(workbook(row()[:len(header)], header=header))
    assert errors == ["row 1: correct: missing required column", "row 1: difficulty: missing required column",
                      "row 1: optoin_4: unknown column"]


@pytest.mark.parametrize("changes, expected", [
    ({"difficulty": "hard"}, "row 3: difficulty: expected a whole number, got 'hard'"),
    ({"may_in_subway": "maybe"}, "row 3: may_in_subway: expected да/нет (yes/no), got 'maybe'"),
    ({"year": None}, "row 3: year: olympiad, stage and year go together"),
    ({"correct": 7}, "row 3: correct: expected one option number from 1 to 3"),
    ({"option_2": None}, "row 3: option_2: empty option between filled ones"),
    ({"type": "multiple", "correct": "1, x"}, "row 3: correct: expected a whole number, got 'x'"),
    ({"stage": "Финал"}, "row 3: stage: use a code of lowercase latin letters"),
])
def test_a_bad_cell_is_reported_with_its_row_and_column(changes, expected):
    errors = rejected(workbook(row(), row(external_id="x-2", **changes)))
    assert any(e.startswith(expected) for e in errors), errors


def test_duplicate_ids_and_every_bad_row_are_reported_together():
    errors = rejected(workbook(row(), row(external_id="x-2", difficulty=0), row()))
    assert errors == ["row 3: difficulty: Input should be greater than or equal to 1",
                      "row 4: external_id: 'x-1' is already used in row 2"]


def test_a_header_without_questions_is_refused():
    assert rejected(workbook()) == ["row 2: no questions below the header row"]


def test_an_empty_sheet_is_refused():
    assert rejected(workbook(header=[])) == ["row 1: the sheet is empty: no header row"]


def test_a_file_that_is_not_an_xlsx_is_refused():
    assert rejected(b"just text, not a zip") == ["file: not an xlsx file (it is not a zip archive)"]


def test_a_10_mb_xlsx_is_refused():
    assert rejected(b"PK" + b"\0" * (10 * 2**20)) == [
        "file: the file is 10.0 MB; the limit is 5 MB: split it into several files"]


def test_blank_rows_between_questions_are_skipped():
    parsed = parse_file(workbook(row(), [None] * len(HEADER), row(external_id="x-2")), "bank.xlsx")
    assert [d.external_id for d in parsed.drafts] == ["x-1", "x-2"]
