"""Admin texts. Admins are few and the texts are theirs alone, so they live here in Russian and
English side by side (picked by the admin's locale) instead of in the users' gettext catalogs."""
from __future__ import annotations

from typing import Any

from actors.users.messages import UserView

TEXTS: dict[str, dict[str, str]] = {
    "compose": {
        "ru": "✉️ <b>Рассылка</b>\nПришлите текст сообщения. Можно форматировать в Telegram или писать HTML "
              "(&lt;b&gt;, &lt;i&gt;, &lt;a href&gt;…). Чтобы приложить фото, пришлите фото с подписью.",
        "en": "✉️ <b>Mailing</b>\nSend the message text. Format it in Telegram or write HTML (&lt;b&gt;, "
              "&lt;i&gt;, &lt;a href&gt;…). To attach a photo, send a photo with the text as its caption."},
    "bad_html": {"ru": "⚠️ Telegram не примет этот текст: {error}\nИсправьте и пришлите снова.",
                 "en": "⚠️ Telegram would refuse this text: {error}\nFix it and send it again."},
    "need_text": {"ru": "Пришлите текст или фото с подписью.", "en": "Send a text, or a photo with a caption."},
    "choose_segment": {"ru": "Кому отправить?", "en": "Who gets it?"},
    "choose_grade": {"ru": "Какой класс?", "en": "Which grade?"},
    "choose_subject": {"ru": "Какой предмет?", "en": "Which subject?"},
    "no_subjects": {"ru": "В банке пока нет предметов.", "en": "The bank has no subjects yet."},
    "confirm": {"ru": "👆 Так выглядит сообщение (превью отправлено только вам).\nПолучателей: <b>{audience}</b>. "
                      "Начать рассылку?",
                "en": "👆 This is how it looks (the preview went to you only).\nRecipients: <b>{audience}</b>. "
                      "Start the mailing?"},
    "preview_failed": {"ru": "Превью не отправлено: {error}", "en": "The preview was not sent: {error}"},
    "cancelled_dialog": {"ru": "Рассылка отменена.", "en": "Mailing cancelled."},
    "progress": {
        "ru": "📬 Рассылка #{id}: <b>{status}</b>\nОтправлено {sent} из {total} · не доставлено {failed} · "
              "заблокировали бота {blocked} · прервано {interrupted} · осталось {pending}\nСкорость: {rate} сообщ./с",
        "en": "📬 Mailing #{id}: <b>{status}</b>\nSent {sent} of {total} · failed {failed} · blocked the bot "
              "{blocked} · interrupted {interrupted} · pending {pending}\nRate: {rate} msg/s"},
    "export_menu": {"ru": "📊 Что выгрузить в xlsx?", "en": "📊 What to export to xlsx?"},
    "export_progress": {"ru": "⏳ Выгрузка #{id} ({kind}): {rows} из {total} строк", "en": "⏳ Export #{id} ({kind}): "
                        "{rows} of {total} rows"},
    "export_done": {"ru": "✅ Выгрузка #{id} ({kind}): {rows} строк", "en": "✅ Export #{id} ({kind}): {rows} rows"},
    "export_failed": {"ru": "❌ Выгрузка #{id} не удалась: {error}", "en": "❌ Export #{id} failed: {error}"},
    "export_no_mailing": {"ru": "❌ Рассылки #{id} нет: выгружать нечего.", "en": "❌ There is no mailing #{id} to export."},
    "import_started": {"ru": "⏳ Импортирую {filename}…", "en": "⏳ Importing {filename}…"},
    "import_done": {"ru": "✅ Импорт {filename}: всего {total}, новых {created}, обновлено {updated}, без изменений "
                          "{unchanged}.",
                    "en": "✅ Imported {filename}: {total} in all, {created} new, {updated} updated, {unchanged} "
                          "unchanged."},
    "import_rejected": {"ru": "❌ {filename} не импортирован, ничего не изменилось. Ошибки:\n{errors}",
                        "en": "❌ {filename} was not imported; nothing changed. Errors:\n{errors}"},
    "import_bad_file": {"ru": "Пришлите файл .xlsx или .json (до {mb} МБ).", "en": "Send an .xlsx or .json file "
                        "(up to {mb} MB)."},
    "busy": {"ru": "Сейчас не получилось: {error}", "en": "That did not work right now: {error}"},
}
BUTTONS: dict[str, dict[str, str]] = {
    "all": {"ru": "👥 Всем", "en": "👥 Everyone"},
    "only_me": {"ru": "🙋 Только мне", "en": "🙋 Only me"},
    "grade": {"ru": "🎓 По классу…", "en": "🎓 By grade…"},
    "active": {"ru": "📚 Активным по предмету…", "en": "📚 Active in a subject…"},
    "inactive7": {"ru": "💤 Неактивным 7 дней", "en": "💤 Inactive for 7 days"},
    "inactive30": {"ru": "💤 Неактивным 30 дней", "en": "💤 Inactive for 30 days"},
    "start": {"ru": "▶️ Начать", "en": "▶️ Start"},
    "cancel": {"ru": "✖️ Отмена", "en": "✖️ Cancel"},
    "pause": {"ru": "⏸ Пауза", "en": "⏸ Pause"},
    "resume": {"ru": "▶️ Продолжить", "en": "▶️ Resume"},
    "stop": {"ru": "⏹ Остановить", "en": "⏹ Stop"},
    "results": {"ru": "📊 Результаты (xlsx)", "en": "📊 Results (xlsx)"},
    "users": {"ru": "👥 Пользователи", "en": "👥 Users"},
    "attempts30": {"ru": "📝 Ответы за 30 дней", "en": "📝 Answers, last 30 days"},
    "attempts": {"ru": "📝 Все ответы", "en": "📝 All answers"},
    "statistics": {"ru": "📈 Статистика", "en": "📈 Statistics"},
    "questions": {"ru": "❓ Вопросы", "en": "❓ Questions"},
}
STATUSES = {"ru": {"draft": "черновик", "running": "идёт", "paused": "на паузе", "cancelled": "отменена",
                   "finished": "завершена"},
            "en": {"draft": "draft", "running": "running", "paused": "paused", "cancelled": "cancelled",
                   "finished": "finished"}}


def locale_of(user: UserView | None) -> str:
    return user.locale if user is not None else "ru"


def text(user: UserView | None, key: str, **values: Any) -> str:
    return TEXTS[key][locale_of(user)].format(**values)


def button(user: UserView | None, key: str) -> str:
    return BUTTONS[key][locale_of(user)]


def status(user: UserView | None, value: str) -> str:
    return STATUSES[locale_of(user)].get(value, value)
