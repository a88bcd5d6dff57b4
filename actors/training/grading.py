"""Grading on the server, by the stored question only. Pure functions.

Answer shapes per type (anything else is AnswerShapeInvalid, and nothing is recorded):
  yes_no   -> bool                       correct when equal
  one      -> int, a 0-based option index correct when equal
  multiple -> list of 0-based indices     order and repeats ignored; see multiple_choice_score
  open     -> str (1..500 characters)     see normalize.open_answer_matches

Score is 0..1; points = round(score × question points, 2).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from actors.training.errors import AnswerShapeInvalid
from actors.training.normalize import open_answer_matches

Answer = bool | int | list[int] | str
MAX_OPEN_ANSWER = 500


class Gradable(Protocol):
    type: str
    options: list[str]
    correct_answer: Any
    tolerance: float | None
    points: int


@dataclass(frozen=True)
class Verdict:
    correct: bool
    score: float
    points: float


def canonical_answer(question: Gradable, answer: Any) -> Answer:
    """The answer in its stored form, or AnswerShapeInvalid saying what the type expects."""
    kind = question.type
    if kind == "yes_no":
        if isinstance(answer, bool):
            return answer
        raise AnswerShapeInvalid("a yes/no question expects true or false")
    if kind == "one":
        if isinstance(answer, int) and not isinstance(answer, bool) and 0 <= answer < len(question.options):
            return answer
        raise AnswerShapeInvalid(f"this question expects one option index from 0 to {len(question.options) - 1}")
    if kind == "multiple":
        if isinstance(answer, list) and all(
                isinstance(i, int) and not isinstance(i, bool) and 0 <= i < len(question.options) for i in answer):
            return sorted(set(answer))
        raise AnswerShapeInvalid(f"this question expects a list of option indices from 0 to "
                                 f"{len(question.options) - 1}")
    if isinstance(answer, str) and answer.strip() and len(answer) <= MAX_OPEN_ANSWER:
        return answer.strip()
    raise AnswerShapeInvalid(f"this question expects a text answer of 1 to {MAX_OPEN_ANSWER} characters")


def multiple_choice_score(correct: list[int], picked: list[int]) -> float:
    """Partial credit: (right picks − wrong picks) / number of right options, never below 0.
    E.g. right = {0, 1, 3}: {0, 1, 3} → 1; {0, 1} → 2/3; {0, 1, 2} → 1/3; {0, 2, 4} → 0; {} → 0."""
    right = set(correct)
    chosen = set(picked)
    if not right:
        return 0.0
    return max(0.0, (len(chosen & right) - len(chosen - right)) / len(right))


def grade(question: Gradable, answer: Answer) -> Verdict:
    """`answer` must be canonical (see canonical_answer). `correct` only on a full match."""
    kind = question.type
    if kind == "multiple":
        score = multiple_choice_score(question.correct_answer, answer)  # type: ignore[arg-type]
        correct = set(answer) == set(question.correct_answer)  # type: ignore[arg-type]
    elif kind == "open":
        correct = open_answer_matches(answer, question.correct_answer, question.tolerance)  # type: ignore[arg-type]
        score = 1.0 if correct else 0.0
    else:
        correct = answer == question.correct_answer and type(answer) is type(question.correct_answer)
        score = 1.0 if correct else 0.0
    score = round(score, 4)
    return Verdict(correct=correct, score=score, points=round(score * question.points, 2))
