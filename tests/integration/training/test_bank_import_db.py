"""The bank on PostgreSQL: the seed load, idempotent re-import, all-or-nothing on bad files, round trips."""
from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from actors.bank.actor import BankActor
from actors.bank.errors import ImportRejected
from actors.bank.messages import (
    ExportQuestions,
    GetCatalog,
    ImportQuestions,
    QuestionsImported,
)
from actors.runtime import ActorSystem
from actors.training.messages import ServeQuestion, SubmitAnswer

SEED_DIR = Path(__file__).resolve().parents[3] / "data" / "questions"

BANK_STATE = "SELECT count(*) || ':' || COALESCE(string_agg(content_hash, ',' ORDER BY external_id), '') FROM questions"


def xlsx(header: list[str], *rows: list) -> bytes:
    book = Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


XLSX_HEADER = ["external_id", "subject", "subject_name", "theme", "type", "text", "option_1", "option_2",
               "correct", "explanation", "difficulty"]
GOOD_XLSX_ROW = ["new-1", "economics", "Экономика", "Спрос", "one", "Что?", "а", "б", 1, "Потому что.", 2]


def json_bank(*questions: dict) -> bytes:
    return json.dumps({"format": "apo-questions/1", "questions": list(questions)}, ensure_ascii=False).encode()


GOOD_JSON = {"external_id": "new-1", "subject": "history", "theme": "Древний мир", "type": "yes_no",
             "text": "Рим основан раньше Карфагена?", "correct": False, "explanation": "Карфаген старше.",
             "difficulty": 2}


async def test_the_seed_bank_is_loaded_on_first_start(backend):
    assert await backend.fetchval("SELECT count(*) FROM questions") == 194
    catalog = await backend.bank.ask(GetCatalog())
    assert {s.code: s.questions for s in catalog.subjects} == {
        "economics": 48, "english": 47, "geography": 53, "social_studies": 46}
    assert len(catalog.sources) == 4 and sum(t.questions for t in catalog.themes) == 194


async def test_a_second_start_does_not_load_the_seed_again(backend):
    before = await backend.fetchval("SELECT max(updated_at) FROM questions")
    system = ActorSystem()
    system.spawn("bank", lambda: BankActor(backend.database, seed_dir=SEED_DIR))
    await system.start()
    await system.stop()
    assert await backend.fetchval("SELECT max(updated_at) FROM questions") == before


async def test_two_processes_seeding_an_empty_bank_at_once_load_it_once(database):
    systems = [ActorSystem() for _ in range(2)]
    for system in systems:
        system.spawn("bank", lambda: BankActor(database, seed_dir=SEED_DIR))
    await asyncio.gather(*(system.start() for system in systems))
    for system in systems:
        assert system.health()["actors"]["bank"]["healthy"]
        await system.stop()
    async with database.transaction() as tx:
        assert await tx.fetchval("SELECT count(*) FROM questions") == 194


async def test_reimporting_a_seed_file_changes_nothing(backend):
    content = (SEED_DIR / "economics.json").read_bytes()
    summary = await backend.bank.ask(ImportQuestions(content=content, filename="economics.json"))
    assert (summary.total, summary.created, summary.updated, summary.unchanged) == (48, 0, 0, 48)


async def test_a_changed_question_is_updated_and_a_new_one_created(backend):
    document = json.loads((SEED_DIR / "geography.json").read_text(encoding="utf-8"))
    document["questions"][0]["text"] += " (уточнено)"
    document["questions"].append({**document["questions"][1], "external_id": "geo-new"})
    summary = await backend.bank.ask(ImportQuestions(content=json.dumps(document).encode(), filename="g.json"))
    assert (summary.created, summary.updated, summary.unchanged) == (1, 1, 52)
    text = await backend.fetchval("SELECT text FROM questions WHERE external_id = 'geo-0001'")
    assert text.endswith("(уточнено)")
    imported = [e for e in await backend.settled() if isinstance(e, QuestionsImported)]
    assert imported and imported[-1].created == 1


BAD_FILES = {
    "a good row then a bad one (json)": (json_bank(GOOD_JSON, {**GOOD_JSON, "external_id": "new-2",
                                                               "difficulty": "2"}), "bank.json"),
    "wrong types (json)": (json_bank({**GOOD_JSON, "correct": "false", "may_in_subway": 1}), "bank.json"),
    "duplicate ids (json)": (json_bank(GOOD_JSON, GOOD_JSON), "bank.json"),
    "missing columns (xlsx)": (xlsx(XLSX_HEADER[:-2], GOOD_XLSX_ROW[:-2]), "bank.xlsx"),
    "a formula in a number column (xlsx)": (xlsx(XLSX_HEADER, GOOD_XLSX_ROW[:-1] + ["=1+1"]), "bank.xlsx"),
    "duplicate ids (xlsx)": (xlsx(XLSX_HEADER, GOOD_XLSX_ROW, GOOD_XLSX_ROW), "bank.xlsx"),
    "an empty file": (b"", "bank.json"),
    "an empty sheet": (xlsx([]), "bank.xlsx"),
    "a 10 MB file": (json_bank(*[{**GOOD_JSON, "external_id": f"n-{i}", "text": "й" * 2000}
                                 for i in range(2700)]), "bank.json"),
}


@pytest.mark.parametrize("name", BAD_FILES)
async def test_a_bad_file_is_rejected_and_nothing_is_half_imported(backend, name):
    content, filename = BAD_FILES[name]
    before = await backend.fetchval(BANK_STATE)
    with pytest.raises(ImportRejected) as caught:
        await backend.bank.ask(ImportQuestions(content=content, filename=filename))
    assert caught.value.errors and all(str(e) for e in caught.value.errors)
    assert await backend.fetchval(BANK_STATE) == before
    assert await backend.fetchval("SELECT count(*) FROM subjects WHERE code = 'history'") == 0


async def test_importing_the_same_xlsx_twice_is_idempotent(empty_bank):
    content = xlsx(XLSX_HEADER, GOOD_XLSX_ROW, ["new-2", *GOOD_XLSX_ROW[1:]])
    first = await empty_bank.bank.ask(ImportQuestions(content=content, filename="b.xlsx"))
    second = await empty_bank.bank.ask(ImportQuestions(content=content, filename="b.xlsx"))
    assert (first.created, second.created, second.unchanged) == (2, 0, 2)
    assert await empty_bank.fetchval("SELECT name FROM subjects WHERE code = 'economics'") == "Экономика"


@pytest.mark.parametrize("export_format", ["json", "xlsx"])
async def test_export_then_reimport_changes_nothing(backend, export_format):
    before = json.loads((await backend.bank.ask(ExportQuestions(format="json"))).content)
    exported = await backend.bank.ask(ExportQuestions(format=export_format))
    assert exported.questions == 194 and exported.filename == f"questions.{export_format}"
    summary = await backend.bank.ask(ImportQuestions(content=exported.content, filename=exported.filename))
    assert (summary.total, summary.unchanged) == (194, 194)
    assert json.loads((await backend.bank.ask(ExportQuestions(format="json"))).content) == before


async def test_formula_looking_text_survives_an_xlsx_round_trip_as_text(empty_bank):
    row = ["f-1", "economics", "Экономика", "Спрос", "one", "=SUM(A1:A3)", "+7", "@x", 2, "=1+1", 2]
    await empty_bank.bank.ask(ImportQuestions(content=xlsx(XLSX_HEADER, row), filename="f.xlsx"))
    assert await empty_bank.fetchval("SELECT text FROM questions") == "=SUM(A1:A3)"
    exported = await empty_bank.bank.ask(ExportQuestions(format="xlsx"))
    sheet = load_workbook(io.BytesIO(exported.content), data_only=False)["questions"]
    header, values = list(sheet.iter_rows())[:2]
    cells = {h.value: c for h, c in zip(header, values)}
    for column, text in (("text", "=SUM(A1:A3)"), ("option_1", "+7"), ("option_2", "@x"),
                         ("explanation", "=1+1")):
        assert (cells[column].value, cells[column].data_type) == (text, "s")


async def test_an_import_that_changes_the_correct_answer_grades_the_next_answer_by_the_new_one(backend, make_user):
    user = await make_user()
    question_id = await backend.fetchval("SELECT id FROM questions WHERE external_id = 'econ-0001'")
    first = await backend.training.ask(ServeQuestion(user_id=user, question_id=question_id, channel="api"))
    graded = await backend.training.ask(SubmitAnswer(user_id=user, served_id=first.served_id, answer=False,
                                                     channel="api"))
    assert graded.correct  # the question is now in the training actor's question cache

    document = json.loads((SEED_DIR / "economics.json").read_text(encoding="utf-8"))
    document["questions"][0]["correct"] = True
    await backend.bank.ask(ImportQuestions(content=json.dumps(document).encode(), filename="economics.json"))
    await backend.settled()

    again = await backend.training.ask(ServeQuestion(user_id=user, question_id=question_id, channel="api"))
    regraded = await backend.training.ask(SubmitAnswer(user_id=user, served_id=again.served_id, answer=True,
                                                       channel="api"))
    assert regraded.correct and regraded.correct_answer is True


async def test_a_load_of_new_questions_leaves_the_planner_statistics_current(backend):
    # Without them the planner takes the fresh bank for a few rows and the selection query gets slow.
    counted = await backend.fetchval("SELECT reltuples FROM pg_class WHERE relname = 'questions'")
    assert counted == await backend.fetchval("SELECT count(*) FROM questions")
