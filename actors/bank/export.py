"""Export in the import format (JSON or xlsx), so an exported bank imports back unchanged.

In xlsx every text cell is written as an inline string: a spreadsheet shows "=SUM(A1)", "+7", "-1",
"@x" or a leading tab/CR as the text it is and never takes it for a formula."""
from __future__ import annotations

import io
import json
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from actors.bank.importer import columns
from actors.bank.importer.json_reader import FORMAT
from storage.postgres.questions_repo import QuestionRecord


def question_document(record: QuestionRecord) -> dict[str, Any]:
    """One question as the JSON format writes it (optional keys only when set)."""
    doc: dict[str, Any] = {"external_id": record.external_id, "subject": record.subject, "theme": record.theme}
    if record.source_id is not None:
        doc["source"] = {"olympiad": record.olympiad, "stage": record.stage, "year": record.year}
    doc.update(type=record.type, text=record.text)
    if record.options:
        doc["options"] = record.options
    doc["correct"] = record.correct_answer
    if record.tolerance is not None:
        doc["tolerance"] = record.tolerance
    doc.update(explanation=record.explanation, may_in_subway=record.may_in_subway,
               difficulty=record.difficulty, points=record.points)
    if record.image:
        doc["image"] = record.image
    return doc


def export_json(records: list[QuestionRecord]) -> bytes:
    subjects = {r.subject: r.subject_name for r in records}
    document = {"format": FORMAT, "subjects": [{"code": c, "name": n} for c, n in sorted(subjects.items())],
                "questions": [question_document(r) for r in records]}
    return json.dumps(document, ensure_ascii=False, indent=1).encode()


def _xlsx_correct(record: QuestionRecord) -> Any:
    """Options are numbered from 1 in a spreadsheet; open answers are joined with "|"."""
    answer = record.correct_answer
    if record.type == "yes_no":
        return "да" if answer else "нет"
    if record.type == "one":
        return answer + 1
    if record.type == "multiple":
        return ", ".join(str(i + 1) for i in answer)
    return " | ".join(answer)


def _xlsx_values(record: QuestionRecord) -> dict[str, Any]:
    values = {"external_id": record.external_id, "subject": record.subject, "subject_name": record.subject_name,
              "theme": record.theme, "olympiad": record.olympiad, "stage": record.stage, "year": record.year,
              "type": record.type, "text": record.text, "correct": _xlsx_correct(record),
              "tolerance": record.tolerance, "explanation": record.explanation,
              "may_in_subway": "да" if record.may_in_subway else "нет", "difficulty": record.difficulty,
              "points": record.points, "image": record.image}
    values.update({f"option_{i}": option for i, option in enumerate(record.options, start=1)})
    return values


def cell(sheet: WriteOnlyWorksheet, value: Any) -> WriteOnlyCell:
    written = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        written.data_type = "s"  # openpyxl made "=…" a formula; an inline string is only text
    return written


def export_xlsx(records: list[QuestionRecord]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(columns.SHEET)
    most_options = max((len(r.options) for r in records), default=0)
    names = [c for c in columns.EXPORT_ORDER
             if not c.startswith("option_") or int(c.removeprefix("option_")) <= most_options]
    sheet.append([cell(sheet, name) for name in names])
    for record in records:
        values = _xlsx_values(record)
        sheet.append([cell(sheet, values.get(name)) for name in names])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
