"""Export without a database: formula-looking text stays text in xlsx; an export parses back the same."""
from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import load_workbook

from actors.bank.export import export_json, export_xlsx
from actors.bank.importer import parse_file
from storage.postgres.questions_repo import QuestionRecord

DANGEROUS = ["=SUM(A1:A3)", "+7 (999) 000-00-00", "-1", "@import", "\tTab", "\rCR", "=HYPERLINK(\"http://x\")"]


def record(qid: int, **changes) -> QuestionRecord:
    base = {"id": qid, "external_id": f"q-{qid}", "subject": "economics", "subject_name": "Экономика",
            "theme_id": 1, "theme": "Спрос", "source_id": 1, "olympiad": "Кубок", "stage": "final",
            "year": 2025, "type": "one", "text": "Что?", "options": ["а", "б", "в"], "correct_answer": 1,
            "tolerance": None, "explanation": "Потому что.", "may_in_subway": True, "image": None,
            "difficulty": 2, "points": 3, "attempts_count": 0, "correct_count": 0}
    base.update(changes)
    return QuestionRecord(**base)


RECORDS = [
    record(1, text=DANGEROUS[0], options=DANGEROUS[1:4], explanation=DANGEROUS[6]),
    record(2, type="multiple", correct_answer=[0, 2], theme=DANGEROUS[4].strip(), points=5),
    record(3, type="open", options=[], correct_answer=["111", "=111"], tolerance=1.5, points=7,
           source_id=None, olympiad=None, stage=None, year=None, image="images/q3.png"),
    record(4, type="yes_no", options=[], correct_answer=False, points=1, may_in_subway=False,
           text=DANGEROUS[5].strip() + " " + DANGEROUS[3]),
]


def test_formula_looking_text_is_written_as_text_cells():
    content = export_xlsx(RECORDS)
    sheet = load_workbook(io.BytesIO(content), data_only=False)["questions"]
    texts = [c for r in sheet.iter_rows() for c in r if isinstance(c.value, str)]
    assert texts and all(c.data_type == "s" for c in texts), [c.value for c in texts if c.data_type != "s"]
    values = {c.value for c in texts}
    assert {"=SUM(A1:A3)", "+7 (999) 000-00-00", "-1", "@import", "=HYPERLINK(\"http://x\")"} <= values
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml  # no formula element anywhere


@pytest.mark.parametrize("writer, filename", [(export_xlsx, "bank.xlsx"), (export_json, "bank.json")])
def test_an_export_parses_back_to_the_same_questions(writer, filename):
    drafts = parse_file(writer(RECORDS), filename).drafts
    assert [d.external_id for d in drafts] == [r.external_id for r in RECORDS]
    for draft, original in zip(drafts, RECORDS):
        assert (draft.text, draft.options, draft.correct, draft.tolerance, draft.points, draft.theme,
                draft.may_in_subway, draft.image) == (
            original.text, original.options, original.correct_answer, original.tolerance, original.points,
            original.theme, original.may_in_subway, original.image)
        assert (draft.source.year if draft.source else None) == original.year


def test_the_option_columns_stop_at_the_longest_question():
    sheet = load_workbook(io.BytesIO(export_xlsx(RECORDS)))["questions"]
    header = [c.value for c in next(sheet.iter_rows())]
    assert [h for h in header if h.startswith("option_")] == ["option_1", "option_2", "option_3"]
