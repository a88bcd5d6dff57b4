"""The validator refuses a template with per-field errors: a bad expression, constraints no draw
meets, a check that fails, a placeholder a draw cannot compute. The loader reports them per row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from actors.bank.errors import ImportRejected
from actors.calculated import load_templates, validate_template
from tests.unit.calculated.builders import choice, data, template


def errors_of(**changes) -> dict[str, str]:
    return {e.field: e.message for e in validate_template(template(**changes)).errors}


def test_a_good_template_passes_and_says_how_varied_it_is():
    report = validate_template(choice())
    assert report.ok and report.accepted >= 20 and report.distinct > 100


def test_every_bad_expression_is_reported_with_its_field_in_one_pass():
    errors = errors_of(
        derived={"p": "(a - c) / (b + d", "q": "a - bb * 2"},
        constraints=["p + 1"],
        answer="sqrt",
        explanation="{zz}",
    )
    assert errors["derived.p"].startswith("expected ')'")
    assert "unknown name 'bb'; did you mean 'b'?" in errors["derived.q"]
    assert "must be a truth value" in errors["constraints[0]"]
    assert "sqrt is a function" in errors["answer"]
    assert "unknown name 'zz'" in errors["explanation"]


def test_derived_values_read_only_the_ones_above_them():
    errors = errors_of(derived={"q": "a - b * p", "p": "(a - c) / (b + d)"})
    assert "unknown name 'p'" in errors["derived.q"]


def test_unsatisfiable_constraints_say_which_one_fails():
    errors = errors_of(constraints=["whole(p)", "q > 1000"])
    assert "no draw of 1000 meets the constraints" in errors["constraints"]
    assert "constraints[1]: `q > 1000` does not hold" in errors["constraints"]


def test_constraints_met_too_rarely_are_refused_too():
    errors = errors_of(constraints=["a == 40", "b == 1", "d == 1"])  # 1 in 41·3·4·31 draws
    assert "meets the constraints" in errors["constraints"] or "only" in errors["constraints"]


def test_a_failing_check_is_reported_with_the_parameters():
    errors = errors_of(checks=["answer == a / b"])
    assert errors["checks[0]"].startswith("`answer == a / b` fails (with a=")


def test_an_answer_or_text_that_a_draw_cannot_compute_is_an_error():
    assert "division by zero" in errors_of(answer="p / (q - q)")["answer"]
    assert "division by zero" in errors_of(explanation="{1 / (p - p)}")["explanation"]


def test_the_content_hash_changes_with_the_content_only():
    assert template().content_hash() == template().content_hash() != template(decimals=3).content_hash()


def test_shape_errors_come_from_the_model():
    with pytest.raises(ValidationError, match="a choice template needs mistakes"):
        template(type="one")
    with pytest.raises(ValidationError, match="reserved name"):
        template(params={"answer": {"values": [1]}, "x": {"values": [2]}})
    with pytest.raises(ValidationError, match="give min, max and step"):
        template(params={"a": {"min": 1, "max": 3}})
    with pytest.raises(ValidationError, match="English is all or none"):
        template(explanation_en=None)


def document(*templates) -> bytes:
    return json.dumps(
        {
            "format": "apo-templates/1",
            "subject": {"code": "economics", "name": "Экономика"},
            "templates": list(templates),
        }
    ).encode()


def test_the_loader_reports_errors_per_row_and_field():
    good = {k: v for k, v in data().items() if k != "subject"}
    bad_expression = {**good, "external_id": "t-2", "answer": "p +"}
    unsatisfiable = {**good, "external_id": "t-3", "constraints": ["p < 0", "q < 0"]}
    unknown_key = {**good, "external_id": "t-4", "answr": "p"}
    with pytest.raises(ImportRejected) as caught:
        load_templates(document(good, bad_expression, unsatisfiable, unknown_key, good), "t.json")
    shown = [str(e) for e in caught.value.errors]
    assert "row 2: answer: the expression ends too early (at character 4 of `p +`)" in shown
    assert any(s.startswith("row 3: constraints: no draw of 1000") for s in shown)
    assert "row 4: answr: unknown field" in shown
    assert "row 5: external_id: 'test-market' is already used in row 1" in shown
    assert not any(s.startswith("row 1:") for s in shown)


def test_the_loader_reads_a_good_file():
    loaded = load_templates(document({k: v for k, v in data().items() if k != "subject"}), "t.json")
    assert [t.subject for t in loaded.templates] == ["economics"]
    assert loaded.subject_names == {"economics": "Экономика"}


@pytest.mark.parametrize(
    "content, message",
    [
        (b"{", "not valid UTF-8 JSON"),
        (b"[]", "must be an object"),
        (json.dumps({"format": "apo-questions/1", "templates": [{}]}).encode(), '"format" must be'),
        (json.dumps({"format": "apo-templates/1", "templates": []}).encode(), "1 to 1000 templates"),
    ],
)
def test_the_loader_refuses_a_bad_document(content, message):
    with pytest.raises(ImportRejected, match="not imported") as caught:
        load_templates(content, "t.json")
    assert message in str(caught.value.errors[0])


def test_the_example_in_format_md_is_a_valid_template_file():
    text = (Path(__file__).resolve().parents[3] / "data" / "questions" / "FORMAT.md").read_text()
    section = text[text.index("# Calculated questions") :]
    example = section[
        section.index("```json") + len("```json") : section.index("```", section.index("```json") + 7)
    ]
    (template,) = load_templates(example.encode(), "FORMAT.md").templates
    assert template.external_id == "econ-calc-017" and template.has_english
