"""The reminder's default text (Telegram HTML) in the supported locales. The bot may pass its own
renderer (its i18n) to the actor instead; nothing here is user input, so nothing needs escaping."""
from __future__ import annotations

from actors.reminders.reasons import Reasons

TEXTS = {
    "ru": {"hello": "⏰ Время позаниматься!", "due": "Ошибок к повторению: <b>{n}</b> — /mistakes",
           "streak": "Серия занятий: <b>{n}</b> дн. подряд — не прерывайте её сегодня: /train",
           "stop": "Отключить напоминания: /stop_reminders"},
    "en": {"hello": "⏰ Time to practise!", "due": "Mistakes due for review: <b>{n}</b> — /mistakes",
           "streak": "Your streak: <b>{n}</b> days in a row — keep it going today: /train",
           "stop": "Turn reminders off: /stop_reminders"},
}


def render_reminder(reasons: Reasons, locale: str) -> str:
    text = TEXTS.get(locale, TEXTS["ru"])
    lines = [text["hello"]]
    if reasons.due_reviews:
        lines.append(text["due"].format(n=reasons.due_reviews))
    if reasons.streak_at_risk:
        lines.append(text["streak"].format(n=reasons.streak_days))
    lines.append(text["stop"])
    return "\n".join(lines)
