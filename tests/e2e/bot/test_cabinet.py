"""The cabinet in the bot: profile, edit name and grade, language switch, commands."""
from __future__ import annotations

from tests.e2e.bot.helpers import MENU_EN, open_cabinet, register


async def test_cabinet_edits_name_and_grade_in_place(bot_app):
    fake, anya = bot_app.fake, bot_app.user(2001)
    home = await register(fake, anya)
    cabinet = await open_cabinet(fake, anya, home)
    assert cabinet.is_edit and cabinet.message_id == home.message_id
    assert "Имя: Аня" in cabinet.plain_text and "Класс: 9 класс" in cabinet.plain_text
    assert "Язык: Русский" in cabinet.plain_text and "Email (вход в API): не задан" in cabinet.plain_text
    assert "Telegram: привязан" in cabinet.plain_text

    await anya.press(cabinet, text="✏️ Имя")
    ask = await anya.next_message()
    assert "Пришлите новое имя" in ask.plain_text
    await anya.send("Анна Сергеевна")
    cabinet = await anya.next_message()
    assert "✅ Имя изменено." in cabinet.plain_text and "Имя: Анна Сергеевна" in cabinet.plain_text

    await anya.press(cabinet, text="🎓 Класс")
    grades = await anya.next_message()
    assert grades.is_edit and "« Назад" in grades.button_texts
    await anya.press(grades, text="11 класс")
    cabinet = await anya.next_message()
    assert "✅ Класс изменён." in cabinet.plain_text and "Класс: 11 класс" in cabinet.plain_text

    await anya.press(cabinet, text="« Назад")
    home = await anya.next_message()
    assert "Привет, Анна Сергеевна!" in home.plain_text


async def test_language_switch_makes_the_next_screens_english(bot_app):
    fake, anya = bot_app.fake, bot_app.user(2002)
    cabinet = await open_cabinet(fake, anya, await register(fake, anya))
    await anya.press(cabinet, text="🌐 English")
    cabinet = await anya.next_message()
    assert "✅ The bot now speaks English." in cabinet.plain_text
    assert "Language: English" in cabinet.plain_text and "Grade: Grade 9" in cabinet.plain_text
    assert "🌐 Русский" in cabinet.button_texts
    await anya.press(cabinet, text="« Back")
    home = await anya.next_message()
    assert "Hello, Аня!" in home.plain_text and home.button_texts == MENU_EN
    await anya.send("/help")
    help_en = (await anya.next_message()).plain_text
    assert "/cabinet: your profile" in help_en and "/mistakes: work on mistakes" in help_en
    assert "/stop_reminders: turn off daily reminders" in help_en
    chat_commands = fake.commands(scope={"type": "chat", "chat_id": anya.id})
    assert [c["description"] for c in chat_commands][:2] == ["Start or restart", "Main menu"]

    await anya.press(home, text="👤 Cabinet")
    await anya.press(await anya.next_message(), text="🌐 Русский")
    assert "✅ Теперь бот говорит по-русски." in (await anya.next_message()).plain_text


async def test_a_bad_new_name_is_explained_and_cancel_keeps_the_old_one(bot_app):
    fake, anya = bot_app.fake, bot_app.user(2003)
    cabinet = await open_cabinet(fake, anya, await register(fake, anya))
    await anya.press(cabinet, text="✏️ Имя")
    await anya.next_message()
    await anya.send("x" * 65)
    assert "слишком длинное" in (await anya.next_message()).plain_text
    await anya.send_document(b"%PDF", "me.pdf")
    problem = await anya.next_message()
    assert "текстом" in problem.plain_text
    await anya.press(problem, text="Отмена")
    cabinet = await anya.next_message()
    assert "Имя: Аня" in cabinet.plain_text
    await anya.send("Новое имя")  # the dialog is over: free text gets the menu
    reply = await anya.next_message()
    assert "Я не понял сообщение" in reply.plain_text and "Привет, Аня!" in reply.plain_text


async def test_menu_cabinet_and_help_commands(bot_app):
    fake, anya = bot_app.fake, bot_app.user(2004)
    await register(fake, anya)
    await anya.send("/menu")
    home = await anya.next_message()
    assert not home.is_edit and "Привет, Аня!" in home.plain_text
    await anya.send("/cabinet")
    assert "Личный кабинет" in (await anya.next_message()).plain_text
    await anya.send("/help")
    help_page = await anya.next_message()
    assert "/menu — главное меню" in help_page.plain_text and help_page.button_texts == ["« Меню"]
    assert "/mistakes — работа над ошибками" in help_page.plain_text
    assert "/stop_reminders — отключить ежедневные напоминания" in help_page.plain_text
    await anya.press(home, text="❓ Помощь")
    in_place = await anya.next_message()
    assert in_place.is_edit and in_place.message_id == home.message_id
    assert "/help — эта справка" in in_place.plain_text


async def test_commands_work_in_the_middle_of_a_dialog(bot_app):
    fake, anya = bot_app.fake, bot_app.user(2005)
    cabinet = await open_cabinet(fake, anya, await register(fake, anya))
    await anya.press(cabinet, text="✏️ Имя")
    await anya.next_message()
    await anya.send("/menu")
    assert "Привет, Аня!" in (await anya.next_message()).plain_text
    await anya.send("Не имя")  # /menu ended the dialog
    assert "Я не понял сообщение" in (await anya.next_message()).plain_text
