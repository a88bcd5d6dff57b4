"""An olympiad paper in the browser: the countdown runs from the server's deadline, a reload keeps
the session and the clock, hand-in shows the debrief by theme."""
from __future__ import annotations

import asyncio

import aiopg

from tests.e2e.web.browser import contrast_failures, fits_phone_width, snap
from tests.e2e.web.test_training import register_in_browser


async def seconds_left(page) -> int:
    return int(await page.locator(".countdown-clock").get_attribute("data-seconds-left"))


async def answer_shown_question(page) -> None:
    if await page.locator(".choice").count():
        await page.locator(".choice").first.click()
    else:
        await page.get_by_label("Ваш ответ").fill("1")
        await page.get_by_role("button", name="Сохранить ответ").click()


async def test_countdown_runs_survives_a_reload_and_hand_in_shows_the_debrief(page, web):
    await register_in_browser(page, web.app_url, "paper@example.org")
    await page.get_by_role("link", name="Симуляция олимпиады").click()
    await page.get_by_label("Время на вариант").select_option("10")
    await page.get_by_role("button", name="Начать").first.click()
    clock = page.locator(".countdown-clock")
    await clock.wait_for()
    first = await seconds_left(page)
    assert 595 <= first <= 600 and (await clock.inner_text()) in ("10:00", "09:59", "09:58", "09:57", "09:56", "09:55")
    await answer_shown_question(page)
    await page.get_by_text("Ответ сохранён").wait_for()
    await asyncio.sleep(2.2)
    running = await seconds_left(page)
    assert running <= first - 2  # it counts down by itself
    await snap(page, "paper")
    assert await fits_phone_width(page)

    await page.reload()  # the cookie keeps the session; the server keeps the deadline
    await clock.wait_for()
    after_reload = await seconds_left(page)
    assert running - 2 <= after_reload <= running
    assert await page.locator(".pill-button.done").count() == 1  # the saved answer came back too
    size = await page.locator(".pill-button").count()

    await page.get_by_role("button", name="Сдать").click()
    await page.get_by_role("dialog").get_by_role("button", name="Сдать").click()
    debrief = page.locator(".debrief")
    await debrief.wait_for()
    text = await debrief.inner_text()
    assert "Ваш результат" in text and "По темам" in text
    assert await page.locator(".bars li").count() >= 1  # one bar per theme of the paper
    assert await page.locator(".verdicts li").count() == size  # every question with its verdict
    await snap(page, "debrief")
    assert await contrast_failures(page) == []


async def test_a_paper_that_runs_out_is_handed_in_by_the_clock(page, web):
    await register_in_browser(page, web.app_url, "late@example.org")
    await page.get_by_role("link", name="Симуляция олимпиады").click()
    await page.get_by_role("button", name="Начать").first.click()
    await page.locator(".countdown-clock").wait_for()
    # the deadline passes on the server (as if the student had left the tab open for the whole time)
    async with aiopg.connect(web.database) as conn, conn.cursor() as cur:
        await cur.execute("UPDATE simulations SET deadline = now() + interval '2 seconds'")
    await page.reload()
    await page.get_by_text("Время вышло: работа сдана автоматически.").wait_for(timeout=15_000)
