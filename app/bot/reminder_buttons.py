"""The buttons under a daily reminder, in the user's language: review the mistakes that are due
(when some are), and train. They are the menu's own buttons, so the bot's handlers take them."""
from __future__ import annotations

from collections.abc import Sequence

from aiogram.utils.i18n import I18n

from actors.mailing.sender import Button
from actors.reminders.reasons import Reasons
from actors.reminders.rounds import ReminderButtons
from app.bot.keyboards.callbacks import MenuCallback
from app.bot.texts import mistakes as mistakes_texts
from app.bot.texts import training as training_texts


def reminder_buttons(i18n: I18n) -> ReminderButtons:
    def buttons(reasons: Reasons, locale: str) -> Sequence[Button]:
        with i18n.context(), i18n.use_locale(locale):
            review = [Button(mistakes_texts.start_button(), MenuCallback(screen="review").pack())]
            return [*(review if reasons.due_reviews else ()),
                    Button(training_texts.menu_button(), MenuCallback(screen="train").pack())]

    return buttons
