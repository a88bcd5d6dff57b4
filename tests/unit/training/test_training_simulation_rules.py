"""Simulation rules without a database: the deadline with its grace, seconds left, the theme debrief."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from actors.training.simulation import debrief, past_deadline, seconds_left
from actors.training.views import ItemVerdict

DEADLINE = datetime(2026, 3, 1, 10, 30, tzinfo=UTC)
GRACE = timedelta(seconds=2)


def test_the_deadline_allows_only_the_grace():
    assert not past_deadline(DEADLINE, DEADLINE, GRACE)
    assert not past_deadline(DEADLINE, DEADLINE + GRACE, GRACE)
    assert past_deadline(DEADLINE, DEADLINE + GRACE + timedelta(milliseconds=1), GRACE)


def test_seconds_left_rounds_up_and_never_goes_negative():
    assert seconds_left(DEADLINE, DEADLINE - timedelta(seconds=89, milliseconds=100)) == 90
    assert seconds_left(DEADLINE, DEADLINE + timedelta(minutes=5)) == 0


def verdict(position: int, theme: str, points: float, max_points: int) -> ItemVerdict:
    return ItemVerdict(position=position, served_id=position, question_id=position, theme=theme, answer=None,
                       correct=points == max_points, score=points / max_points, points=points,
                       max_points=max_points, correct_answer=0, correct_answer_text="1) а", explanation="…")


def test_debrief_groups_by_theme_weakest_first():
    themes = debrief([verdict(1, "Спрос", 3, 3), verdict(2, "Деньги", 0, 5), verdict(3, "Спрос", 1, 1),
                      verdict(4, "Деньги", 5, 5), verdict(5, "ВВП", 0.5, 1)])
    assert [(t.theme, t.questions, t.correct, t.points, t.max_points) for t in themes] == [
        ("ВВП", 1, 0, 0.5, 1), ("Деньги", 2, 1, 5, 10), ("Спрос", 2, 2, 4, 4)]
