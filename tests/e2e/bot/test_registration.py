"""Registration through the bot: /start -> name -> grade -> start page, with bad input at each step."""
from __future__ import annotations

from tests.e2e.bot.helpers import MENU_EN, MENU_RU, register


async def test_start_registers_with_the_telegram_name_and_shows_the_start_page(bot_app):
    anya = bot_app.user(1001, first_name="Аня")
    await anya.send("/start")
    ask_name = await anya.next_message()
    assert "Как к вам обращаться?" in ask_name.plain_text
    await anya.press(ask_name, text="Оставить «Аня»")
    ask_grade = await anya.next_message()
    assert ask_grade.is_edit and "Приятно познакомиться, Аня!" in ask_grade.plain_text
    assert ask_grade.button_texts == ["5 класс", "6 класс", "7 класс", "8 класс", "9 класс", "10 класс",
                                      "11 класс", "Студент", "Учитель"]
    await anya.press(ask_grade, text="9 класс")
    home = await anya.next_message()
    assert home.is_edit and "Привет, Аня!" in home.plain_text
    assert home.button_texts == MENU_RU


async def test_start_from_a_registered_user_shows_the_start_page(bot_app):
    anya = bot_app.user(1002)
    await register(bot_app.fake, anya)
    await anya.send("/start")
    home = await anya.next_message()
    assert not home.is_edit and "Привет, Аня!" in home.plain_text
    assert "👤 Кабинет" in home.button_texts


async def test_bad_input_at_each_step_is_explained_and_asked_again(bot_app):
    boris = bot_app.user(1003, first_name="Борис")
    await boris.send("/start")
    await boris.next_message()
    for text, answer in [("   ", "не может быть пустым"), ("Я" * 65, "слишком длинное"),
                         ("Бо\u200bрис", "невидимых"), ("Бо\u0007рис", "управляющих")]:
        await boris.send(text)
        assert answer in (await boris.next_message()).plain_text
    await boris.send_document(b"hi", "name.txt")
    assert "текстом" in (await boris.next_message()).plain_text
    await boris.send("  Борис   Петров ")
    ask_grade = await boris.next_message()
    assert "Приятно познакомиться, Борис Петров!" in ask_grade.plain_text
    await boris.send("девятый")
    hint = await boris.next_message()
    assert "выберите класс кнопками" in hint.plain_text and "9 класс" in hint.button_texts
    await boris.press(hint, text="Учитель")
    home = await boris.next_message()
    assert "Привет, Борис Петров!" in home.plain_text


async def test_an_english_client_registers_in_english(bot_app):
    ann = bot_app.user(1004, first_name="Ann", language_code="en-GB")
    await ann.send("/start")
    ask_name = await ann.next_message()
    assert "How should we call you?" in ask_name.plain_text
    await ann.press(ask_name, text="Use «Ann»")
    ask_grade = await ann.next_message()
    assert "Grade 9" in ask_grade.button_texts and "Student" in ask_grade.button_texts
    await ann.press(ask_grade, text="Student")
    home = await ann.next_message()
    assert "Hello, Ann!" in home.plain_text and home.button_texts == MENU_EN


async def test_html_in_a_name_is_shown_as_typed(bot_app):
    user = bot_app.user(1005, first_name="<b>")
    await user.send("/start")
    ask_name = await user.next_message()
    assert ask_name.button_texts == ["Оставить «<b>»"]  # button texts are not HTML
    await user.send("<i>Tom</i> & Jerry")
    ask_grade = await user.next_message()
    await user.press(ask_grade, data="grade:reg:7")
    home = await user.next_message()
    assert "Привет, <i>Tom</i> & Jerry!" in home.plain_text


async def test_a_telegram_name_that_is_not_acceptable_gets_no_button(bot_app):
    user = bot_app.user(1006, first_name="\u200b\u200b")
    await user.send("/start")
    ask_name = await user.next_message()
    assert ask_name.buttons == []
