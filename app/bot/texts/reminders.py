"""Daily reminders: the cabinet's hour picker and /stop_reminders."""
from __future__ import annotations

from aiogram.utils.i18n import gettext as _

from actors.reminders.messages import ReminderSettings
from app.bot.texts.common import quote


def button() -> str:
    return _("⏰ Reminders")


def off_button() -> str:
    return _("🔕 Turn off")


def settings(current: ReminderSettings, timezone: str, notice: str | None = None) -> str:
    if current.enabled and current.hour is not None:
        state = _("⏰ Reminders are on: daily at {hour:02d}:00 ({timezone}).").format(
            hour=current.hour, timezone=quote(current.timezone or timezone))
    else:
        state = _("🔕 Reminders are off.")
    lines = [_("<b>Daily reminders</b>"), "", state, "",
             _("I remind you once a day when mistakes are due for review or your streak is at risk. "
               "Pick the hour:")]
    return "\n".join(([notice, ""] if notice else []) + lines)


def enabled(hour: int) -> str:
    return _("✅ I will remind you at {hour:02d}:00.").format(hour=hour)


def stopped() -> str:
    return _("🔕 Reminders are off. You can turn them on again in the cabinet (/cabinet).")
