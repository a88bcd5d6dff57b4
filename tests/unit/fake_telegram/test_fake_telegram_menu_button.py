"""setChatMenuButton / getChatMenuButton through the real aiogram client."""
from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import MenuButtonDefault, MenuButtonWebApp, WebAppInfo

from tests.support.fake_telegram import FakeTelegram


async def test_default_and_per_chat_menu_buttons(fake_telegram: FakeTelegram, bot: Bot) -> None:
    assert (await bot.get_chat_menu_button()).type == "commands"  # Telegram's own default
    app = MenuButtonWebApp(text="Приложение", web_app=WebAppInfo(url="https://apo.example/app/"))
    assert await bot.set_chat_menu_button(menu_button=app)
    assert fake_telegram.menu_buttons[None]["web_app"] == {"url": "https://apo.example/app/"}
    mine = await bot.get_chat_menu_button(chat_id=1001)  # a chat without its own gets the default
    assert (mine.type, mine.text, mine.web_app.url) == ("web_app", "Приложение", "https://apo.example/app/")

    await bot.set_chat_menu_button(chat_id=1001, menu_button=MenuButtonWebApp(
        text="App", web_app=WebAppInfo(url="https://apo.example/app/")))
    assert (await bot.get_chat_menu_button(chat_id=1001)).text == "App"
    await bot.set_chat_menu_button(menu_button=MenuButtonDefault())
    assert (await bot.get_chat_menu_button(chat_id=2002)).type == "commands"


@pytest.mark.parametrize(("text", "url", "error"), [
    ("App", "http://apo.example/app/", "BUTTON_URL_INVALID"),
    ("", "https://apo.example/app/", "BUTTON_TEXT_INVALID"),
])
async def test_a_web_app_button_needs_text_and_https(fake_telegram: FakeTelegram, bot: Bot, text: str,
                                                     url: str, error: str) -> None:
    with pytest.raises(TelegramBadRequest, match=error):
        await bot.set_chat_menu_button(menu_button=MenuButtonWebApp(text=text, web_app=WebAppInfo(url=url)))
    assert None not in fake_telegram.menu_buttons
