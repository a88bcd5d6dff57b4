"""The shipped templates (data/questions/templates/): every one validates, and Hypothesis draws each
200 times (the seed is the strategy): constraints hold, the checks of its model hold (Qd(P*) = Qs(P*),
MR = MC, …), the answer is what the texts show, and wrong options differ from the right one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actors.calculated import compile_template, draw, draw_problems, load_templates, render, validate_template
from actors.calculated.formatting import NumberFormat, format_number

SEED_DIR = Path(__file__).resolve().parents[3] / "data" / "questions"
FILES = sorted((SEED_DIR / "templates").glob("*.json"))
TEMPLATES = [
    t for path in FILES for t in load_templates(path.read_bytes(), path.name, validate=False).templates
]
COMPILED = {t.external_id: compile_template(t) for t in TEMPLATES}
BANK_THEMES = {
    (q.get("subject") or doc["subject"]["code"], q["theme"])
    for path in SEED_DIR.glob("*.json")
    for doc in [json.loads(path.read_text())]
    for q in doc["questions"]
}


def test_the_seed_ships_enough_templates_of_each_kind():
    by_subject = {s: [t for t in TEMPLATES if t.subject == s] for s in ("economics", "geography")}
    assert len(by_subject["economics"]) >= 40 and len(by_subject["geography"]) >= 15
    assert {t.type for t in TEMPLATES} == {"open", "one", "multiple"}
    assert all(t.has_english and t.checks for t in TEMPLATES)
    assert sum(t.chart is not None for t in by_subject["economics"]) >= 20
    assert len({t.external_id for t in TEMPLATES}) == len(TEMPLATES)


def test_the_templates_sit_in_the_bank_s_subjects_and_mostly_its_themes():
    subjects = {subject for subject, _ in BANK_THEMES}
    assert {t.subject for t in TEMPLATES} <= subjects
    known = [t for t in TEMPLATES if (t.subject, t.theme) in BANK_THEMES]
    assert len(known) >= len(TEMPLATES) / 2


def test_the_question_seed_loader_does_not_see_the_templates():
    """The bank actor seeds from data/questions/*.json, not recursively: no template file there."""
    for path in SEED_DIR.glob("*.json"):
        assert json.loads(path.read_text())["format"] == "apo-questions/1"
    assert FILES and all(path.parent.name == "templates" for path in FILES)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.external_id)
def test_every_shipped_template_is_valid_and_varied(template):
    report = validate_template(template)
    assert report.ok, [str(e) for e in report.errors]
    assert report.distinct >= 8  # a practice that repeats itself after a few serves is no practice


@pytest.mark.parametrize("external_id", sorted(COMPILED))
@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=2**63 - 1))
def test_200_draws_of_each_template_satisfy_its_model(external_id, seed):
    compiled = COMPILED[external_id]
    drawn = draw(compiled, seed)
    for constraint in compiled.constraints:
        assert constraint(drawn.values) is True, constraint.source
    assert draw_problems(compiled, drawn) == []  # checks, texts, chart
    template = compiled.template
    for locale in ("ru", "en"):
        question = render(compiled, drawn, locale)
        assert question.locale == locale and "{" not in question.text
        if template.type == "open":
            continue
        shown = NumberFormat(decimals=template.decimals, clock=template.option_format == "time")
        right = {format_number(a, locale, shown) for a in drawn.answers}
        correct = [question.correct] if isinstance(question.correct, int) else question.correct
        assert {question.options[i] for i in correct} == right
        wrong = [o for i, o in enumerate(question.options) if i not in correct]
        assert not set(wrong) & right and len(set(question.options)) == len(question.options)
    assert draw(compiled, seed) == drawn
