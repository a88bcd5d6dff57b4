"""The JSON importer without a database: the seed parses; a bad file is refused with per-row errors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from actors.bank.errors import ImportRejected
from actors.bank.importer import combine, parse_file

SEED_DIR = Path(__file__).resolve().parents[3] / "data" / "questions"


def question(**changes):
    base = {"external_id": "t-1", "subject": "economics", "theme": "Спрос", "type": "one", "text": "Что?",
            "options": ["а", "б", "в"], "correct": 1, "explanation": "Потому что.", "difficulty": 2,
            "source": {"olympiad": "Кубок", "stage": "final", "year": 2025}}
    base.update(changes)
    return {k: v for k, v in base.items() if v is not None}


def document(*questions, **top) -> bytes:
    return json.dumps({"format": "apo-questions/1", "questions": list(questions), **top}).encode()


def rejected(content: bytes, filename: str = "bank.json") -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        parse_file(content, filename)
    return [str(e) for e in caught.value.errors]


def test_every_seed_file_parses_and_together_they_hold_194_questions():
    files = [parse_file(p.read_bytes(), p.name) for p in sorted(SEED_DIR.glob("*.json"))]
    bank = combine(files)
    assert len(bank.drafts) == 194
    assert set(bank.subjects) == {"economics", "english", "geography", "social_studies"}
    assert {d.type for d in bank.drafts} == {"yes_no", "one", "multiple", "open"}


def test_defaults_points_by_type_and_normalises_answers():
    parsed = parse_file(document(question(), question(external_id="t-2", type="multiple", correct=[2, 0]),
                                 question(external_id="t-3", type="open", options=None, correct="42")),
                        "bank.json")
    one, multiple, open_ = parsed.drafts
    assert (one.points, multiple.points, open_.points) == (3, 5, 7)
    assert multiple.correct == [0, 2] and open_.correct == ["42"]


@pytest.mark.parametrize("changes, expected", [
    ({"difficulty": "3"}, "row 1: difficulty: Input should be a valid integer"),
    ({"may_in_subway": "true"}, "row 1: may_in_subway: Input should be a valid boolean"),
    ({"correct": True}, "row 1: correct: expected one option number from 0 to 2"),
    ({"correct": 3}, "row 1: correct: expected one option number from 0 to 2"),
    ({"options": ["а"]}, "row 1: options: a 'one' question needs 2 to 10 options"),
    ({"options": ["а", "а"]}, "row 1: options: options repeat"),
    ({"tolerance": 1}, "row 1: tolerance: only open questions have a tolerance"),
    ({"type": "essay"}, "row 1: type: Input should be 'yes_no', 'one', 'multiple' or 'open'"),
    ({"subject": "Economics"}, "row 1: subject: use a code of lowercase latin letters"),
    ({"explanation": None}, "row 1: explanation: Field required"),
    ({"text": "Что\x07?"}, "row 1: text: Value error, contains control characters"),
    ({"colour": "red"}, "row 1: colour: unknown field"),
    ({"source": {"olympiad": "Кубок", "stage": "final", "year": "2025"}},
     "row 1: source.year: Input should be a valid integer"),
    ({"type": "open", "options": None, "correct": ["a|b"]}, "row 1: correct: an accepted answer may not contain"),
])
def test_a_bad_question_is_reported_with_its_row_and_field(changes, expected):
    errors = rejected(document(question(**changes)))
    assert any(e.startswith(expected) for e in errors), errors


def test_duplicate_external_ids_name_the_first_row():
    errors = rejected(document(question(), question(external_id="t-2"), question()))
    assert errors == ["row 3: external_id: 't-1' is already used in row 1"]


def test_one_bad_row_rejects_the_whole_file_with_every_error():
    errors = rejected(document(question(), question(external_id="t-2", difficulty=9), "not a question"))
    assert [e.split(":")[0] for e in errors] == ["row 2", "row 3"]


@pytest.mark.parametrize("content, expected", [
    (b"", "file: the file is empty"),
    (b"  \n", "file: the file is empty"),
    (b"{\"format\": ", "file: not valid JSON: Expecting value at line 1, column 12"),
    (b"\xff\xfe{}", "file: the file is not UTF-8 text"),
    (b"[]", "file: the document must be an object"),
    (json.dumps({"format": "apo-questions/1", "questions": []}).encode(),
     "file: \"questions\" must be a non-empty list"),
    (json.dumps({"format": "other/2", "questions": [question()]}).encode(), "file: \"format\" must be"),
])
def test_a_broken_file_is_refused_as_a_whole(content, expected):
    errors = rejected(content)
    assert any(e.startswith(expected) for e in errors), errors


def test_a_10_mb_file_is_refused_with_the_limit_in_the_message():
    big = document(*[question(external_id=f"t-{i}", text="x" * 3000) for i in range(3500)])
    assert len(big) > 10 * 2**20
    assert rejected(big) == ["file: the file is 11.2 MB; the limit is 5 MB: split it into several files"]


def test_an_unknown_extension_is_refused():
    assert rejected(document(question()), "bank.csv") == ["file: unsupported file type '.csv': use .json or .xlsx"]


def test_the_document_subject_is_the_default_for_its_questions():
    parsed = parse_file(document(question(subject=None), subject={"code": "history", "name": "История"}),
                        "bank.json")
    assert parsed.drafts[0].subject == "history" and parsed.subjects == {"history": "История"}
