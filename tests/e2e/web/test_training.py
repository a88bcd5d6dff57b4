"""A browser user registers, trains a question of each type (the filters pick the type) and sees each
verdict with its explanation; Skip, Report and the session's summary; keyboard only for one answer."""
from __future__ import annotations

import re

import aiopg

from tests.e2e.web.browser import contrast_failures, fits_phone_width, snap

TYPE_CHIPS = {"yes_no": "Да или нет", "one": "Один ответ", "multiple": "Несколько ответов", "open": "Открытый ответ"}
CORRECT_ANSWER = """
    SELECT q.type, q.correct_answer, q.explanation, q.options FROM served_questions s
    JOIN questions q ON q.id = s.question_id WHERE s.id = %s
"""


async def shown_question(page, database: str) -> tuple[int, str, object, str, list]:
    text_id = await page.locator(".question-text").get_attribute("id")
    served_id = int(text_id.removeprefix("q-"))
    async with aiopg.connect(database) as conn, conn.cursor() as cur:
        await cur.execute(CORRECT_ANSWER, (served_id,))
        kind, correct, explanation, options = await cur.fetchone()
    return served_id, kind, correct, explanation, options


async def register_in_browser(page, app_url: str, email: str, name: str = "Аня") -> None:
    await page.goto(app_url)
    await page.get_by_role("tab", name="Создать аккаунт").click()
    await page.get_by_label("Ваше имя").fill(name)
    await page.get_by_label("Email").fill(email)
    await page.get_by_label("Пароль").fill("correct horse battery")
    await page.get_by_label("Класс").select_option("9")
    await page.locator("form").get_by_role("button", name="Создать аккаунт").click()
    await page.get_by_role("heading", name=f"Привет, {name}!").wait_for()


async def train_only(page, kind: str, previous: str | None) -> None:
    if previous is not None:
        await page.get_by_role("link", name="← Главная").click()
    await page.get_by_role("link", name=re.compile("^Фильтры")).click()
    if previous is not None:
        await page.get_by_role("button", name=re.compile(TYPE_CHIPS[previous])).click()
        await page.get_by_role("button", name=re.compile(TYPE_CHIPS[previous]), pressed=False).wait_for()
    await page.get_by_role("button", name=re.compile(TYPE_CHIPS[kind])).click()
    await page.get_by_role("button", name=re.compile(TYPE_CHIPS[kind]), pressed=True).wait_for()
    await page.get_by_role("link", name="Тренироваться").click()
    await page.locator(".question-text").wait_for()


async def test_registers_and_trains_every_type_with_verdicts(page, web):
    await register_in_browser(page, web.app_url, "web-student@example.org")
    assert await fits_phone_width(page)
    await snap(page, "home")
    verdicts = {}
    previous = None
    for kind in ("yes_no", "one", "multiple", "open"):
        await train_only(page, kind, previous)
        served_id, shown_kind, correct, explanation, options = await shown_question(page, web.database)
        assert shown_kind == kind
        if kind == "yes_no":  # from the keyboard alone: Tab to the right button, Enter
            label = "Да" if correct else "Нет"
            for _ in range(40):
                await page.keyboard.press("Tab")
                if await page.evaluate("document.activeElement.textContent") == label:
                    break
            await page.keyboard.press("Enter")
        elif kind == "one":  # a wrong option
            await snap(page, "question")
            await page.locator(".choice").nth((correct + 1) % len(options)).click()
        elif kind == "multiple":
            for index in correct:
                await page.locator(".choice.check").nth(index).click()
            await page.get_by_role("button", name="Ответить").click()
        else:
            await page.get_by_label("Ваш ответ").fill(correct[0])
            await page.get_by_label("Ваш ответ").press("Enter")
        verdict = page.locator(".verdict")
        await verdict.wait_for()
        verdicts[kind] = await verdict.get_attribute("data-verdict")
        assert explanation.split("\n")[0][:40] in await verdict.inner_text()
        if kind == "one":
            assert "Верный ответ:" in await verdict.inner_text()
            await snap(page, "verdict")
            assert await contrast_failures(page) == []
        assert await fits_phone_width(page)
        previous = kind
    assert verdicts == {"yes_no": "ok", "one": "bad", "multiple": "ok", "open": "ok"}

    # Report, then Skip, on the next question; then the session's summary
    await page.get_by_role("button", name="Дальше").click()
    first = await page.locator(".question-text").get_attribute("id")
    await page.get_by_role("button", name="Сообщить об ошибке").click()
    await page.get_by_label("Что не так?").fill("Опечатка в условии")
    await page.get_by_role("button", name="Отправить").click()
    await page.get_by_text("Спасибо! Администраторы посмотрят.").wait_for()
    await page.get_by_role("button", name="Закрыть").click()
    await page.get_by_role("button", name="Пропустить").click()
    await page.locator(f".question-text:not(#{first})").wait_for()
    await page.get_by_role("button", name="Закончить тренировку").click()
    summary = page.locator(".summary")
    await summary.wait_for()
    assert re.search(r"Отвечено\s*4", await summary.inner_text())
    async with aiopg.connect(web.database) as conn, conn.cursor() as cur:
        await cur.execute("SELECT count(*) FROM question_reports WHERE text = 'Опечатка в условии'")
        assert (await cur.fetchone())[0] == 1
