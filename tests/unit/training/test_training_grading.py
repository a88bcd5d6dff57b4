"""Grading table per question type: what counts as right, what earns partial credit, what is refused."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from actors.training.errors import AnswerShapeInvalid
from actors.training.grading import canonical_answer, grade, multiple_choice_score


@dataclass
class Q:
    type: str
    correct_answer: Any
    options: list[str] = field(default_factory=list)
    tolerance: float | None = None
    points: int = 5


def verdict(question: Q, answer: Any) -> tuple[bool, float, float]:
    result = grade(question, canonical_answer(question, answer))
    return result.correct, result.score, result.points


YES_NO = Q("yes_no", False, points=1)
ONE = Q("one", 2, options=["a", "b", "c", "d"], points=3)
MULTI = Q("multiple", [0, 1, 3], options=["a", "b", "c", "d", "e"], points=5)
OPEN_WORD = Q("open", ["Каспийское море", "Каспий"], points=7)
OPEN_NUMBER = Q("open", ["25"], points=7)
OPEN_TOLERANT = Q("open", ["111"], tolerance=1, points=7)


@pytest.mark.parametrize("question, answer, expected", [
    (YES_NO, False, (True, 1.0, 1.0)),
    (YES_NO, True, (False, 0.0, 0.0)),
    (ONE, 2, (True, 1.0, 3.0)),
    (ONE, 0, (False, 0.0, 0.0)),
    (MULTI, [0, 1, 3], (True, 1.0, 5.0)),
    (MULTI, [3, 1, 0, 1], (True, 1.0, 5.0)),            # order and repeats do not matter
    (MULTI, [0, 1], (False, 0.6667, 3.33)),             # 2 of 3 right, none wrong
    (MULTI, [0, 1, 2], (False, 0.3333, 1.67)),          # 2 right − 1 wrong
    (MULTI, [0, 2, 4], (False, 0.0, 0.0)),              # 1 right − 2 wrong, floored at 0
    (MULTI, [0, 1, 2, 3, 4], (False, 0.3333, 1.67)),     # everything ticked: 3 right − 2 wrong
    (MULTI, [], (False, 0.0, 0.0)),
    (OPEN_WORD, "каспийское  МОРЕ.", (True, 1.0, 7.0)),
    (OPEN_WORD, " Каспий ", (True, 1.0, 7.0)),
    (OPEN_WORD, "Черное море", (False, 0.0, 0.0)),
    (OPEN_NUMBER, "25", (True, 1.0, 7.0)),
    (OPEN_NUMBER, "25.0", (True, 1.0, 7.0)),
    (OPEN_NUMBER, "25,0", (True, 1.0, 7.0)),
    (OPEN_NUMBER, "+25", (True, 1.0, 7.0)),
    (OPEN_NUMBER, "25,5", (False, 0.0, 0.0)),
    (OPEN_NUMBER, "250", (False, 0.0, 0.0)),
    (OPEN_NUMBER, "25 рублей", (False, 0.0, 0.0)),
    (OPEN_TOLERANT, "110", (True, 1.0, 7.0)),
    (OPEN_TOLERANT, "112,0", (True, 1.0, 7.0)),
    (OPEN_TOLERANT, "112.5", (False, 0.0, 0.0)),
])
def test_grading_table(question, answer, expected):
    assert verdict(question, answer) == expected


@pytest.mark.parametrize("question, answer", [
    (YES_NO, 1), (YES_NO, "да"), (YES_NO, [True]),
    (ONE, True), (ONE, 4), (ONE, -1), (ONE, "2"), (ONE, [2]),
    (MULTI, 1), (MULTI, [0, 5]), (MULTI, [True]), (MULTI, "0,1"),
    (OPEN_WORD, ""), (OPEN_WORD, "   "), (OPEN_WORD, 25), (OPEN_WORD, "x" * 501), (OPEN_WORD, ["Каспий"]),
])
def test_an_answer_of_the_wrong_shape_is_refused(question, answer):
    with pytest.raises(AnswerShapeInvalid):
        canonical_answer(question, answer)


def test_multiple_choice_canonical_form_is_sorted_without_repeats():
    assert canonical_answer(MULTI, [3, 0, 3]) == [0, 3]


def test_partial_credit_rule_examples_from_the_docs():
    right = [0, 1, 3]
    assert multiple_choice_score(right, [0, 1, 3]) == 1
    assert multiple_choice_score(right, [0, 1]) == pytest.approx(2 / 3)
    assert multiple_choice_score(right, [0, 1, 2]) == pytest.approx(1 / 3)
    assert multiple_choice_score(right, [0, 2, 4]) == 0
    assert multiple_choice_score(right, []) == 0
