"""The main screens at phone width, light and dark: they fit 360 px, their texts meet WCAG AA
contrast, and the run leaves screenshots in .cache/screenshots/ (README shows two of them)."""
from __future__ import annotations

import re

import aiopg

from tests.e2e.web.browser import contrast_failures, fits_phone_width, snap
from tests.e2e.web.test_training import register_in_browser

WEB = {"X-APO-Client": "web"}


async def answer_a_few(page, web, count: int) -> None:
    """Answers through the REST API with the page's own session cookie, every other one right."""
    for n in range(count):
        question = await (await page.request.get(web.base_url + "/api/v1/training/next", headers=WEB)).json()
        async with aiopg.connect(web.database) as conn, conn.cursor() as cur:
            await cur.execute("SELECT correct_answer FROM questions WHERE id = %s", (question["question_id"],))
            (correct,) = await cur.fetchone()
        right = correct[0] if question["type"] == "open" else correct
        value = right if n % 2 == 0 else {"yes_no": not right, "one": -1, "multiple": [], "open": "?"}[question["type"]]
        if value == -1:
            value = (right + 1) % len(question["options"])
        response = await page.request.post(web.base_url + "/api/v1/training/answers", headers=WEB,
                                           data={"served_id": question["served_id"], "answer": value})
        assert response.ok


async def check_screen(page, name: str) -> None:
    for scheme in ("light", "dark"):
        await page.emulate_media(color_scheme=scheme)
        assert await fits_phone_width(page), f"{name} is wider than the phone"
        assert await contrast_failures(page) == [], f"{name} in {scheme}"
    await snap(page, name)


async def test_main_screens_fit_a_phone_and_meet_contrast_in_light_and_dark(page, web):
    await page.goto(web.app_url)
    await page.get_by_role("tab", name="Войти").wait_for()
    await check_screen(page, "login")
    await register_in_browser(page, web.app_url, "screens@example.org")
    await answer_a_few(page, web, 12)
    await check_screen(page, "home")

    await page.get_by_role("link", name=re.compile("^Статистика")).click()
    await page.get_by_test_id("totals").wait_for()
    await page.locator(".leaderboard li").first.wait_for()
    assert "12" in await page.get_by_test_id("totals").inner_text()
    await check_screen(page, "stats")

    await page.get_by_role("link", name="← Главная").click()
    await page.get_by_role("link", name=re.compile("^Фильтры")).click()
    await page.locator(".chip").first.wait_for()
    assert re.search(r"\d+", await page.locator(".chip .count").first.inner_text())  # counts beside choices
    await check_screen(page, "filters")

    await page.get_by_role("link", name="← Главная").click()
    await page.get_by_role("link", name=re.compile("^Кабинет")).click()
    await page.get_by_label("Ваше имя").wait_for()
    await check_screen(page, "cabinet")

    await page.get_by_role("link", name="← Главная").click()
    await page.get_by_role("link", name=re.compile("^Симуляция")).click()
    await page.get_by_role("button", name="Начать").first.wait_for()
    await check_screen(page, "papers")
