"""The rating rules: Elo with guessing, a shrinking K, seeds from the bank, levels."""
from __future__ import annotations

import pytest

from actors.adaptive.rating import (
    BASE,
    K_QUESTION,
    K_STUDENT,
    difficulty_level,
    expected,
    guess_chance,
    k_factor,
    level_of,
    seed_question,
    student_prior,
    update,
)


def test_equal_ratings_give_even_odds_above_the_guessing_floor():
    assert expected(1500, 1500) == pytest.approx(0.5)
    assert expected(1500, 1500, guess=0.5) == pytest.approx(0.75)
    assert expected(1900, 1500) == pytest.approx(10 / 11)  # +400 points: odds x10


def test_a_hopeless_question_still_leaves_the_guess():
    assert expected(800, 2500, guess=guess_chance("one", 4)) == pytest.approx(0.25, abs=0.01)


@pytest.mark.parametrize(("kind", "options", "chance"), [
    ("yes_no", 0, 0.5), ("one", 4, 0.25), ("one", 5, 0.2), ("multiple", 3, 1 / 7), ("open", 0, 0.0)])
def test_guess_chance_by_type(kind, options, chance):
    assert guess_chance(kind, options) == pytest.approx(chance)


def test_a_right_answer_raises_the_student_and_lowers_the_question():
    moved = update(1500, 0, 1500, 0, guess=0.0, outcome=1.0)
    assert moved.student > 1500 > moved.question
    assert moved.expected == pytest.approx(0.5)


def test_a_wrong_answer_does_the_opposite_and_a_guessable_right_answer_counts_less():
    wrong = update(1500, 0, 1500, 0, guess=0.0, outcome=0.0)
    assert wrong.student < 1500 < wrong.question
    open_gain = update(1500, 0, 1500, 0, guess=0.0, outcome=1.0).student - 1500
    yes_no_gain = update(1500, 0, 1500, 0, guess=0.5, outcome=1.0).student - 1500
    assert 0 < yes_no_gain < open_gain


def test_partial_credit_moves_less_than_a_full_answer():
    half = update(1500, 0, 1500, 0, guess=0.0, outcome=0.75).student
    full = update(1500, 0, 1500, 0, guess=0.0, outcome=1.0).student
    assert 1500 < half < full


def test_k_shrinks_with_answers_down_to_its_floor():
    assert k_factor(0, K_STUDENT) > k_factor(20, K_STUDENT) > k_factor(200, K_STUDENT)
    assert k_factor(10_000, K_STUDENT) == K_STUDENT[2]
    assert k_factor(0, K_QUESTION) < k_factor(0, K_STUDENT)


def test_a_new_question_is_seeded_from_its_difficulty_and_type():
    easy, hard = seed_question("one", 1, 4, 0, 0), seed_question("one", 5, 4, 0, 0)
    assert easy == (BASE - 400, 0) and hard == (BASE + 400, 0)
    assert seed_question("open", 3, 0, 0, 0)[0] > seed_question("yes_no", 3, 0, 0, 0)[0]


def test_counters_pull_the_seed_towards_the_observed_success_rate():
    prior, _ = seed_question("open", 3, 0, 0, 0)
    often_wrong, answers = seed_question("open", 3, 0, 100, 10)
    often_right, _ = seed_question("open", 3, 0, 100, 95)
    assert often_right < prior < often_wrong
    assert answers == 30  # counters count as a few rated answers, not all of them
    # a few attempts barely move it: the bank's difficulty weighs as ten answers
    assert abs(seed_question("open", 3, 0, 1, 0)[0] - prior) < 60


def test_the_shown_difficulty_is_read_off_the_rating():
    assert [difficulty_level(r) for r in (900, 1100, 1300, 1500, 1700, 1900, 2400)] == [1, 1, 2, 3, 4, 5, 5]


def test_levels_are_readable_codes():
    assert [level_of(r) for r in (1000, 1300, 1500, 1700, 1900)] == [
        "novice", "beginner", "intermediate", "advanced", "expert"]


def test_a_new_subject_starts_halfway_towards_the_students_other_subjects():
    assert student_prior([]) == BASE
    assert student_prior([1700, 1900]) == pytest.approx(1650)
