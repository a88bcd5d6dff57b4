"""`apo questions import|export FILE` against a real database (the seed is loaded first, as in `apo run`)."""
from __future__ import annotations

import argparse
import json

from app.commands.questions import register, run_export, run_import
from app.config import Settings

NEW_QUESTION = {"external_id": "cli-1", "subject": "history", "theme": "Древний мир", "type": "open",
                "text": "В каком году до н. э. основан Рим (по традиции)?", "correct": ["753"],
                "explanation": "По преданию — 753 г. до н. э.", "difficulty": 3}


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


def test_import_prints_a_summary_and_export_writes_every_question(empty_database, tmp_path, capsys):
    settings = Settings(postgres_dsn=empty_database, _env_file=None)
    source = tmp_path / "history.json"
    source.write_text(json.dumps({"format": "apo-questions/1", "subject": {"code": "history", "name": "История"},
                                  "questions": [NEW_QUESTION]}), encoding="utf-8")
    args = parse("questions", "import", str(source))
    assert args.handler(settings, args) == 0
    assert "1 questions: 1 created, 0 updated, 0 unchanged" in capsys.readouterr().out

    target = tmp_path / "bank.xlsx"
    assert run_export(settings, parse("questions", "export", str(target))) == 0
    assert "195 questions exported" in capsys.readouterr().out
    assert run_import(settings, parse("questions", "import", str(target))) == 0
    assert "195 questions: 0 created, 0 updated, 195 unchanged" in capsys.readouterr().out


def test_a_bad_file_prints_each_error_with_its_row_and_exits_1(empty_database, tmp_path, capsys):
    settings = Settings(postgres_dsn=empty_database, _env_file=None)
    source = tmp_path / "bad.json"
    source.write_text(json.dumps({"format": "apo-questions/1",
                                  "questions": [NEW_QUESTION, {**NEW_QUESTION, "difficulty": 7}]}), encoding="utf-8")
    assert run_import(settings, parse("questions", "import", str(source))) == 1
    err = capsys.readouterr().err
    assert "nothing was imported" in err and "row 2: difficulty: Input should be less than or equal to 5" in err
    assert "row 2: external_id: 'cli-1' is already used in row 1" in err


def test_export_needs_a_known_extension(tmp_path, capsys):
    settings = Settings(postgres_dsn="postgresql://nowhere/none", _env_file=None)
    assert run_export(settings, parse("questions", "export", str(tmp_path / "bank.csv"))) == 2
    assert "must end in .json or .xlsx" in capsys.readouterr().err
