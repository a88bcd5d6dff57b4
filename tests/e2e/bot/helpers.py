"""Small helpers for bot tests: register through the dialog, open the cabinet, REST shortcuts."""
from __future__ import annotations

from tests.support.fake_telegram import BotOutput, FakeTelegram, FakeUser


async def register(fake: FakeTelegram, user: FakeUser, grade: str = "9") -> BotOutput:
    """/start -> the Telegram name button -> a grade; returns the start page."""
    await user.send("/start")
    ask_name = await fake.next_message(user.id)
    await user.press(ask_name, data="reg:tg_name")
    ask_grade = await fake.next_message(user.id)
    await user.press(ask_grade, data=f"grade:reg:{grade}")
    return await fake.next_message(user.id)


async def open_cabinet(fake: FakeTelegram, user: FakeUser, screen: BotOutput) -> BotOutput:
    await user.press(screen, data="menu:cabinet")
    return await fake.next_message(user.id)


# The start page's menu, in order (app/bot/menu.py), as each language shows it.
MENU_RU = ["🎯 Тренировка", "🏆 Симуляция олимпиады", "📊 Статистика", "🎛 Фильтры", "👤 Кабинет", "❓ Помощь",
           "🔁 Работа над ошибками"]
MENU_EN = ["🎯 Train", "🏆 Olympiad simulation", "📊 Statistics", "🎛 Filters", "👤 Cabinet", "❓ Help",
           "🔁 Work on mistakes"]
