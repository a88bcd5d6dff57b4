"""Draws are seeded: the same seed gives the same numbers, text, options, answer, explanation and
chart; the constraints hold; wrong options never repeat the right one."""

from __future__ import annotations

import pytest

from actors.calculated import (
    DrawFailed,
    Rejection,
    chosen_params_errors,
    compile_template,
    draw,
    evaluate,
    render,
)
from actors.calculated.drawing import Draw
from actors.calculated.formatting import format_number, parse_spec, plain_number
from tests.unit.calculated.builders import choice, template


def test_the_same_seed_gives_the_same_question_and_another_seed_another():
    compiled = compile_template(choice())
    first, again = draw(compiled, 12345), draw(compile_template(choice()), 12345)
    assert first == again
    assert render(compiled, first, "ru") == render(compiled, again, "ru")
    assert render(compiled, first, "en") == render(compiled, again, "en")
    assert len({tuple(draw(compiled, seed).params.values()) for seed in range(50)}) > 30


def test_an_added_parameter_does_not_move_the_others():
    """Each parameter's value hashes its own name: editing a template keeps the rest of a draw."""
    plain = compile_template(template(constraints=[]))
    extended = compile_template(
        template(constraints=[], params={**template().model_dump()["params"], "z": {"values": [1, 2]}})
    )
    for seed in range(20):
        before, after = draw(plain, seed).params, draw(extended, seed).params
        assert {k: after[k] for k in before} == before


def test_constraints_hold_for_every_draw():
    compiled = compile_template(template())
    for seed in range(200):
        values = draw(compiled, seed).values
        assert float(values["p"]).is_integer() and values["q"] > 0


def test_open_answer_is_the_rounded_plain_number():
    compiled = compile_template(template(constraints=["q > 0"], decimals=1, tolerance=0.05))
    for seed in range(30):
        drawn = draw(compiled, seed)
        question = render(compiled, drawn, "ru")
        assert question.type == "open" and question.options == () and question.tolerance == 0.05
        assert question.correct == [plain_number(drawn.answers[0], 1)]
        assert "," not in question.correct[0]


def test_choice_options_are_distinct_as_shown_and_the_right_one_is_marked():
    compiled = compile_template(choice())
    for seed in range(100):
        drawn = draw(compiled, seed)
        question = render(compiled, drawn, "ru")
        assert len(set(question.options)) == len(question.options) >= 3
        assert question.options[question.correct] == format_number(drawn.answers[0], "ru")
        assert list(drawn.options) == sorted(drawn.options)
        assert set(question.mistake_notes) == set(range(len(question.options))) - {question.correct}


def test_a_mistake_that_gives_the_right_answer_is_dropped_or_the_draw_redone():
    """b = 1 and c = 0 make a/b equal (a - c)/(b + d) only by chance; min_options decides."""
    compiled = compile_template(
        choice(mistakes=[{"value": "p"}, {"value": "p + 1"}, {"value": "p"}], min_options=2)
    )
    for seed in range(30):
        drawn = draw(compiled, seed)
        assert drawn.options == (drawn.answers[0], drawn.answers[0] + 1) and drawn.correct == (0,)
    strict = compile_template(choice(mistakes=[{"value": "p"}, {"value": "p + 1"}], min_options=3))
    with pytest.raises(DrawFailed, match="no parameters meet its constraints"):
        draw(strict, 7)


def test_multiple_choice_marks_every_right_option():
    compiled = compile_template(
        template(
            type="multiple",
            answer=None,
            answers=["p - 1", "p - 2"],
            mistakes=[{"value": "p + 1"}, {"value": "p + 2"}],
            checks=[],
            explanation="P = {p}",
            explanation_en="P = {p}",
        )
    )
    question = render(compiled, draw(compiled, 3), "en")
    assert question.correct == [0, 1] and len(question.options) == 4


def test_russian_texts_use_a_decimal_comma_and_english_a_point():
    compiled = compile_template(template(constraints=["q > 0", "not whole(p)"]))
    drawn = draw(compiled, 5)
    ru, en = render(compiled, drawn, "ru"), render(compiled, drawn, "en")
    shown = format_number(drawn.values["p"], "ru")
    assert "," in shown and f"P = {shown}" in ru.explanation and ru.locale == "ru"
    assert f"P = {shown.replace(',', '.')}" in en.explanation and en.locale == "en"


def test_a_template_without_english_is_served_in_russian_to_everyone():
    compiled = compile_template(template(text_en=None, explanation_en=None))
    assert render(compiled, draw(compiled, 1), "en").locale == "ru"


def test_chosen_parameters_give_their_draw_or_say_why_not():
    compiled = compile_template(template())
    drawn = evaluate(compiled, {"a": 100, "b": 2, "c": -20, "d": 4})
    assert isinstance(drawn, Draw) and drawn.answers == (20.0,) and drawn.values["q"] == 60
    rejected = evaluate(compiled, {"a": 100, "b": 2, "c": -19, "d": 4})
    assert rejected == Rejection("constraints[0]", "`whole(p)` does not hold")
    broken = evaluate(
        compile_template(template(derived={"p": "(a - c) / (b - b)", "q": "1"})),
        {"a": 100, "b": 2, "c": -19, "d": 4},
    )
    assert (
        isinstance(broken, Rejection) and broken.field == "derived.p" and "division by zero" in broken.reason
    )


def test_an_answer_that_cannot_be_computed_is_a_broken_template_not_a_rejection():
    compiled = compile_template(template(answer="p / (q - q)"))
    outcome = evaluate(compiled, {"a": 100, "b": 2, "c": -20, "d": 4})
    assert isinstance(outcome, Rejection) and outcome.broken and outcome.field == "answer"


def test_time_options_are_clock_times_told_apart_within_a_day():
    compiled = compile_template(
        template(
            type="one",
            text="Время {h:time}",
            text_en=None,
            explanation_en=None,
            params={"h": {"min": 0, "max": 23, "step": 1}},
            derived={},
            constraints=[],
            answer="mod(h + 5, 24)",
            option_format="time",
            checks=[],
            explanation="{answer:time}",
            mistakes=[{"value": "h + 29"}, {"value": "mod(h - 5, 24)"}, {"value": "mod(h + 6, 24)"}],
            min_options=3,
        )
    )
    question = render(compiled, draw(compiled, 9), "ru")
    assert len(question.options) == 3 and all(":" in o for o in question.options)
    assert question.options[question.correct] == format_number(
        draw(compiled, 9).answers[0], "ru", parse_spec("time")
    )


def test_chosen_parameters_must_be_the_template_s_own_values():
    good = {"a": 100, "b": 2, "c": -20, "d": 4}
    assert chosen_params_errors(template(), good) == []
    shown = {e.field: e.message for e in chosen_params_errors(template(), {**good, "a": 101, "b": 7, "z": 1})}
    assert shown == {
        "params.z": "not a parameter of this template",
        "params.a": "101 is not one of 40 to 120 in steps of 2",
        "params.b": "7 is not one of 1, 2, 3",
    }
    assert "params.d" in {e.field for e in chosen_params_errors(template(), {"a": 100, "b": 2, "c": -20})}
