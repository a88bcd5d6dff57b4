"""Why a reminder goes out, and what it says."""
from __future__ import annotations

from datetime import date

from actors.reminders.reasons import Streak, reasons_for
from actors.reminders.texts import render_reminder

TODAY = date(2026, 3, 2)


def test_a_live_streak_without_activity_today_is_at_risk():
    reasons = reasons_for(0, Streak(current=4, last_day=date(2026, 3, 1)), TODAY)
    assert reasons.streak_at_risk and reasons.streak_days == 4 and reasons.any


def test_a_streak_already_extended_today_or_broken_is_not_at_risk():
    assert not reasons_for(0, Streak(current=5, last_day=TODAY), TODAY).any
    assert not reasons_for(0, Streak(current=0, last_day=date(2026, 2, 20)), TODAY).any
    assert not reasons_for(0, Streak(current=0, last_day=None), TODAY).any


def test_due_mistakes_alone_are_a_reason():
    assert reasons_for(3, Streak(current=0, last_day=None), TODAY).any


def test_the_text_names_what_is_due_and_how_to_stop():
    text = render_reminder(reasons_for(3, Streak(current=4, last_day=date(2026, 3, 1)), TODAY), "ru")
    assert "<b>3</b>" in text and "<b>4</b>" in text and "/stop_reminders" in text
    english = render_reminder(reasons_for(2, Streak(current=0, last_day=None), TODAY), "en")
    assert "Mistakes due for review: <b>2</b>" in english and "streak" not in english
