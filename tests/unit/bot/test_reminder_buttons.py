"""The buttons under a reminder: review (only when mistakes are due) and train, in the user's language,
carrying the menu's callback data so the bot's handlers take the press."""
from __future__ import annotations

from actors.reminders.reasons import Reasons
from app.bot.i18n import make_i18n
from app.bot.keyboards.callbacks import MenuCallback
from app.bot.reminder_buttons import reminder_buttons

buttons = reminder_buttons(make_i18n())


def test_due_mistakes_get_a_review_button_before_train():
    due = Reasons(due_reviews=2, streak_days=0, streak_at_risk=False)
    assert [(b.text, b.callback_data) for b in buttons(due, "ru")] == [
        ("▶️ Повторить сейчас", MenuCallback(screen="review").pack()),
        ("🎯 Тренировка", MenuCallback(screen="train").pack())]
    assert [b.text for b in buttons(due, "en")] == ["▶️ Review now", "🎯 Train"]


def test_a_streak_reminder_only_offers_training():
    streak = Reasons(due_reviews=0, streak_days=5, streak_at_risk=True)
    assert [(b.text, b.callback_data) for b in buttons(streak, "en")] == [
        ("🎯 Train", MenuCallback(screen="train").pack())]
