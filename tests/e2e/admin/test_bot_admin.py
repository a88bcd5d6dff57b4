"""The bot's admin screens through the fake Telegram: the /mailing dialog with preview and a
progress message updated in place, /export as a document, import by sending a file; and nothing
of it for anyone else."""
from __future__ import annotations

import asyncio
import io
import re
from collections.abc import AsyncIterator, Callable

import pytest
from aiohttp.test_utils import TestServer
from openpyxl import load_workbook

from app.main import create_app
from tests.e2e.admin.conftest import telegram_settings
from tests.e2e.admin.test_bank_tools import bank_file, question
from tests.e2e.bot.helpers import register
from tests.support.fake_telegram import BotOutput, FakeUser
from tests.support.fixtures_bot import wait_for_polling_start

ADMIN_ID = 9001


@pytest.fixture
async def bot(fake_telegram, empty_database, tmp_path) -> AsyncIterator:
    settings = telegram_settings(empty_database, tmp_path, fake_telegram, mailing_rate=50).model_copy(
        update={"admin_telegram_ids": frozenset({ADMIN_ID})})
    server = TestServer(create_app(settings), host="127.0.0.1")
    await server.start_server()
    try:
        await wait_for_polling_start(fake_telegram)
        yield fake_telegram
    finally:
        await server.close()


async def next_matching(user: FakeUser, matches: Callable[[BotOutput], bool], timeout: float = 15.0) -> BotOutput:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        output = await user.next_message(timeout=max(0.1, deadline - asyncio.get_running_loop().time()))
        if matches(output):
            return output


async def registered(fake, user_id: int, name: str = "Аня") -> FakeUser:
    user = fake.user(user_id, first_name=name)
    await register(fake, user)
    return user


async def test_the_mailing_dialog_previews_confirms_and_reports_progress_in_place(bot):
    fake = bot
    admin = await registered(bot, ADMIN_ID, "Админ")
    students = [await registered(bot, 9100 + i) for i in range(3)]
    await admin.send("/mailing")
    assert "Рассылка" in (await admin.next_message()).plain_text
    await admin.send("Олимпиада & призы")
    assert "a bare '&'" in (await admin.next_message()).plain_text
    await admin.send("Олимпиада в <b>субботу</b>")
    choose = await admin.next_message()
    assert "👥 Всем" in choose.button_texts and "🙋 Только мне" in choose.button_texts
    await admin.press(choose, text="👥 Всем")
    preview = await next_matching(admin, lambda o: o.kind == "sendMessage")
    assert preview.text == "Олимпиада в <b>субботу</b>"
    confirm = await admin.next_message()
    assert "Получателей: 4" in confirm.plain_text and confirm.button_texts == ["▶️ Начать", "✖️ Отмена"]
    assert all(fake.sent_count(s.id) == 1 for s in students)  # the start page only: no preview for them
    await admin.press(confirm, text="▶️ Начать")
    done = await next_matching(admin, lambda o: o.is_edit and "завершена" in (o.plain_text or ""))
    assert done.message_id == confirm.message_id and "Отправлено 4 из 4" in done.plain_text
    assert float(re.search(r"Скорость: ([\d.]+)", done.plain_text).group(1)) > 0  # the mailing's average
    assert done.button_texts == ["📊 Результаты (xlsx)"]
    for student in students:
        assert [o.text for o in fake.outputs(student.id)][-1] == "Олимпиада в <b>субботу</b>"
        assert fake.sent_count(student.id) == 2  # start page + the mailing, once


async def test_export_arrives_as_a_document(bot):
    admin = await registered(bot, ADMIN_ID, "Админ")
    await admin.send("/export")
    menu = await admin.next_message()
    await admin.press(menu, text="❓ Вопросы")
    document = await next_matching(admin, lambda o: o.kind == "sendDocument")
    assert document.filename.startswith("questions-") and document.filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(document.document)).worksheets[0]
    assert sheet["A1"].value == "Question id" and sheet.max_row > 100
    assert any("✅" in (o.plain_text or "") for o in bot.outputs(ADMIN_ID) if o.message_id == menu.message_id)


async def test_exporting_a_mailing_that_does_not_exist_says_so(bot):
    admin = await registered(bot, ADMIN_ID, "Админ")
    await admin.send("/export mailing 999999")
    refused = await next_matching(admin, lambda o: "❌" in (o.plain_text or ""))
    assert refused.plain_text == "❌ Рассылки #999999 нет: выгружать нечего."
    assert not any(o.kind == "sendDocument" for o in bot.outputs(ADMIN_ID))


async def test_a_document_from_an_admin_imports_questions_with_row_errors(bot):
    admin = await registered(bot, ADMIN_ID, "Админ")
    await admin.send_document(bank_file(question("b-1"), question("b-2", difficulty=0)), "bank.json")
    await next_matching(admin, lambda o: "Импортирую" in (o.plain_text or ""))
    rejected = await admin.next_message(timeout=15)
    assert "не импортирован" in rejected.plain_text and "row 2: difficulty" in rejected.plain_text
    await admin.send_document(bank_file(question("b-1"), question("b-2")), "bank.json")
    await next_matching(admin, lambda o: "Импортирую" in (o.plain_text or ""))
    assert "новых 2" in (await admin.next_message(timeout=15)).plain_text


async def test_nobody_else_sees_any_admin_screen(bot):
    student = await registered(bot, 9200)
    await student.send("/definitely_unknown")
    unknown = (await student.next_message()).plain_text
    for command in ("/mailing", "/export"):
        await student.send(command)
        assert (await student.next_message()).plain_text == unknown
    await student.send_document(bank_file(question("s-1")), "bank.json")
    reply = await student.next_message()
    assert "Импорт" not in reply.plain_text
    await bot.assert_no_message(student.id, within=0.5)
    await student.press(reply, data="admmail:start:1", force=True)  # a forged admin button starts nothing
    answered = await student.next_message()
    assert "Рассылка" not in (answered.plain_text or "")

