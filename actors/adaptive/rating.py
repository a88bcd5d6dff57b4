"""Ratings of students (per subject) and of questions on one Elo scale. Pure functions.

Why Elo with a shrinking K and not Glicko-2: every answer is its own "game", so Glicko-2's rating
periods and volatility buy little here, while a K that shrinks with the number of answers
(K = K0 / (1 + n / HALF), floored) gives the same fast start to newcomers and stable ratings later,
with two numbers per row (Pelánek, "Applications of the Elo rating system in adaptive educational
systems", Computers & Education, 2016).

Scale: 1500 is an average student or question; 400 points more multiply the odds by 10.
P(success) = guess + (1 - guess) * sigmoid((student - question) / SCALE): a yes/no question is
guessed half of the time, a one-of-four question a quarter of the time.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from typing import NamedTuple

SCALE = 400.0 / math.log(10.0)      # rating points per logit
BASE = 1500.0
STEP = 200.0                        # rating points per step of the bank's difficulty (1..5)
TYPE_OFFSET = {"yes_no": 0.0, "one": 0.0, "multiple": 75.0, "open": 75.0}
K_STUDENT = (200.0, 20.0, 32.0)     # (K0, HALF, floor): a student keeps learning, so K stays > 0
K_QUESTION = (60.0, 20.0, 8.0)      # smaller: a question must not absorb what a student shows
PRIOR_ANSWERS = 10.0                # weight of the bank's difficulty against the counters
SEED_CONFIDENCE = 30                # counters count as at most this many rated answers
LEVELS = ((1200.0, "novice"), (1400.0, "beginner"), (1600.0, "intermediate"), (1800.0, "advanced"))
TOP_LEVEL = "expert"
CARRY_OVER = 0.5                    # share of a student's other subjects in a new subject's start
PROVISIONAL_ANSWERS = 10            # fewer answers than this: the rating is still a guess


class Update(NamedTuple):
    student: float
    question: float
    expected: float


def student_prior(other_subjects: Iterable[float]) -> float:
    """A student's starting rating in a new subject: halfway from BASE towards their mean elsewhere
    (olympiad skills carry over in part)."""
    others = list(other_subjects)
    return BASE + CARRY_OVER * (sum(others) / len(others) - BASE) if others else BASE


def guess_chance(question_type: str, options: int) -> float:
    """The chance of a right answer by blind guessing."""
    if question_type == "yes_no":
        return 0.5
    if question_type == "one":
        return 1.0 / options if options >= 2 else 0.25
    if question_type == "multiple":  # any non-empty subset of the options
        return 1.0 / (2 ** options - 1) if options >= 2 else 0.1
    return 0.0


def expected(student: float, question: float, guess: float = 0.0) -> float:
    """Predicted success (0..1) of this student on this question."""
    return guess + (1.0 - guess) / (1.0 + math.exp(-(student - question) / SCALE))


def k_factor(answers: int, params: tuple[float, float, float]) -> float:
    k0, half, floor = params
    return max(floor, k0 / (1.0 + answers / half))


def update(student: float, student_answers: int, question: float, question_answers: int,
           guess: float, outcome: float) -> Update:
    """Both ratings after one answer; outcome is the attempt's score (0..1, partial credit counts)."""
    p = expected(student, question, guess)
    surprise = outcome - p
    return Update(student + k_factor(student_answers, K_STUDENT) * surprise,
                  question - k_factor(question_answers, K_QUESTION) * surprise, p)


def question_rating_for(success: float, guess: float) -> float:
    """The question rating at which an average (BASE) student succeeds with this probability."""
    known = min(0.98, max(0.02, (success - guess) / (1.0 - guess)))
    return BASE - SCALE * math.log(known / (1.0 - known))


def seed_question(question_type: str, difficulty: int, options: int, attempts: int,
                  correct: int) -> tuple[float, int]:
    """(rating, answers it counts as) for a question nobody has rated yet: the bank's difficulty
    and type, pulled towards the observed success rate when the question has counters."""
    prior = BASE + STEP * (difficulty - 3) + TYPE_OFFSET.get(question_type, 0.0)
    attempts, correct = max(0, attempts), max(0, min(correct, attempts))
    if attempts == 0:
        return prior, 0
    guess = guess_chance(question_type, options)
    prior_success = expected(BASE, prior, guess)
    success = (correct + prior_success * PRIOR_ANSWERS) / (attempts + PRIOR_ANSWERS)
    return question_rating_for(success, guess), min(attempts, SEED_CONFIDENCE)


def difficulty_level(question: float) -> int:
    """The 1..5 difficulty shown to students, read off the question's rating."""
    return max(1, min(5, round((question - BASE) / STEP) + 3))


def level_of(student: float) -> str:
    """A readable level code for a student's rating (labels in levels.py)."""
    return next((name for bound, name in LEVELS if student < bound), TOP_LEVEL)
