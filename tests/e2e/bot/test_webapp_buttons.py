"""With APO_WEBAPP_URL the bot opens the web app: the chat's menu button and a button on the start
page; without it neither."""
from __future__ import annotations

from tests.e2e.bot.helpers import MENU_RU, register
from tests.support.fixtures_bot import bot_settings, running_bot_app

WEBAPP_URL = "https://apo.example/app/"


def web_app_buttons(output) -> list[tuple[str, str]]:
    rows = (output.reply_markup or {}).get("inline_keyboard", [])
    return [(button["text"], button["web_app"]["url"]) for row in rows for button in row if "web_app" in button]


async def test_the_menu_button_and_the_start_page_open_the_app(fake_telegram, empty_database, tmp_path):
    settings = bot_settings(empty_database, tmp_path, fake_telegram).model_copy(update={"webapp_url": WEBAPP_URL})
    async with running_bot_app(settings, fake_telegram) as app:
        call = await fake_telegram.wait_for_call("setChatMenuButton")
        home = await register(fake_telegram, app.user(9001))
    assert "chat_id" not in call.params  # every private chat's default
    assert fake_telegram.menu_buttons[None] == {"type": "web_app", "text": "Тренажёр", "web_app": {"url": WEBAPP_URL}}
    assert home.button_texts == [*MENU_RU, "📱 Открыть приложение"]
    assert web_app_buttons(home) == [("📱 Открыть приложение", WEBAPP_URL)]


async def test_without_a_url_the_bot_offers_no_app(bot_app):
    home = await register(bot_app.fake, bot_app.user(9002))
    assert home.button_texts == MENU_RU and web_app_buttons(home) == []
    assert bot_app.fake.calls("setChatMenuButton") == []
