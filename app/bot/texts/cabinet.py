"""The personal cabinet: profile, edits, language."""
from __future__ import annotations

from aiogram.utils.i18n import gettext as _

from actors.adaptive.messages import UserRatings
from actors.users.messages import UserView
from app.bot.texts.common import grade_label, language_name, quote


def profile(user: UserView, notice: str | None = None, ratings: UserRatings | None = None) -> str:
    email = quote(user.email) if user.email else _("not set")
    lines = [
        _("<b>Personal cabinet</b>"),
        "",
        _("Name: {name}").format(name=quote(user.display_name)),
        _("Grade: {grade}").format(grade=grade_label(user.grade)),
        _("Language: {language}").format(language=language_name(user.locale)),
        _("Email (API login): {email}").format(email=email),
        _("Telegram: linked") if user.telegram_linked else _("Telegram: not linked"),
    ]
    if ratings and ratings.subjects:
        lines += ["", _("<b>Ratings</b>")] + [
            _("{subject}: {rating} ({level})").format(subject=quote(r.subject_name), rating=r.rating,
                                                      level=quote(r.level_name)) for r in ratings.subjects]
    return "\n".join(([notice, ""] if notice else []) + lines)


def name_button() -> str:
    return _("✏️ Name")


def grade_button() -> str:
    return _("🎓 Grade")


def api_button() -> str:
    return _("🔑 API access")


def language_button(locale: str) -> str:
    return "🌐 " + language_name(locale)


def ask_new_name() -> str:
    return _("Send the new name (up to 64 characters).")


def choose_grade() -> str:
    return _("Choose your grade:")


def name_changed() -> str:
    return _("✅ Name changed.")


def grade_changed() -> str:
    return _("✅ Grade changed.")


def language_changed() -> str:
    return _("✅ The bot now speaks English.")
