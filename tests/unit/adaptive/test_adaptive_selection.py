"""The adaptive rule: about 75% predicted success, recently served questions avoided."""
from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from actors.adaptive.rating import expected
from actors.adaptive.selection import Option, pick_adaptive, predicted

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def ladder(subject: str = "economics") -> list[Option]:
    """Open questions from 1000 to 2000, one every 50 points."""
    return [Option(question_id=i, subject=subject, rating=1000.0 + 50 * i, guess=0.0) for i in range(21)]


def test_nothing_to_pick_from():
    assert pick_adaptive([], {}, NOW, random.Random(1)) is None


def test_the_pick_is_predicted_inside_the_70_80_band():
    for student in (1200.0, 1500.0, 1800.0):
        choice = pick_adaptive(ladder(), {"economics": student}, NOW, random.Random(2))
        assert 0.70 <= choice.predicted <= 0.80
        assert choice.predicted == expected(student, choice.option.rating)


def test_a_guessable_question_is_chosen_harder_for_the_same_target():
    options = [Option(question_id=i, subject="economics", rating=1000.0 + 50 * i, guess=0.5) for i in range(21)]
    choice = pick_adaptive(options, {"economics": 1500.0}, NOW, random.Random(3))
    assert choice.option.rating >= 1450  # with a 50% floor, 75% needs an even match
    assert 0.70 <= choice.predicted <= 0.80


def test_a_new_subject_is_predicted_from_the_students_other_subjects():
    option = Option(question_id=1, subject="geography", rating=1500.0, guess=0.0)
    assert predicted(option, {"economics": 1900.0}) == expected(1700.0, 1500.0)


def test_recently_served_questions_are_avoided_while_others_remain():
    options = ladder()
    ideal = pick_adaptive(options, {"economics": 1500.0}, NOW, random.Random(4)).option
    served = [Option(**{**o.__dict__, "last_served_at": NOW - timedelta(hours=1), "times_served": 1})
              if 0.70 <= predicted(o, {"economics": 1500.0}) <= 0.80 else o for o in options]
    again = pick_adaptive(served, {"economics": 1500.0}, NOW, random.Random(4))
    assert again.option.question_id != ideal.question_id and again.option.last_served_at is None


def test_when_everything_was_served_recently_the_least_recent_half_is_used():
    options = [Option(question_id=i, subject="economics", rating=1300.0, guess=0.0,
                      last_served_at=NOW - timedelta(minutes=10 * (i + 1)), times_served=1) for i in range(6)]
    choice = pick_adaptive(options, {"economics": 1500.0}, NOW, random.Random(5))
    assert choice.option.question_id in (3, 4, 5)


def test_inside_the_band_the_less_served_question_wins():
    long_ago = NOW - timedelta(days=3)
    options = [Option(question_id=1, subject="economics", rating=1310.0, guess=0.0, last_served_at=long_ago,
                      times_served=2),
               Option(question_id=2, subject="economics", rating=1320.0, guess=0.0)]
    assert pick_adaptive(options, {"economics": 1500.0}, NOW, random.Random(6)).option.question_id == 2
