"""The Mini App: opened with Telegram's signed launch data, it is the bot user's own account (no
password), follows Telegram's theme and buttons, speaks the Telegram language of a new user, and a
forged launch is refused."""
from __future__ import annotations

import asyncio
import re

import pytest

from tests.e2e.bot.test_training import answer_on, question_on, start_training
from tests.e2e.web.browser import open_mini_app, snap
from tests.support.telegram_init_data import sign_init_data, telegram_user

DARK_PAGE = "rgb(21, 30, 39)"  # secondary_bg_color of browser.DARK_THEME


async def answered_in_the_bot(web, telegram_id: int) -> None:
    fake, user, card = await start_training(web, telegram_id)
    verdict = await answer_on(fake, user, card, await question_on(web.database, card), right=True)
    assert "Верно" in verdict.plain_text
    headers = {"Authorization": "tma " + sign_init_data(fake.token, telegram_user(telegram_id))}
    for _ in range(50):  # statistics follow the answer's event
        async with web.http.get("/api/v1/stats/me", headers=headers) as r:
            if (await r.json())["totals"]["attempts"] == 1:
                return
        await asyncio.sleep(0.1)
    raise AssertionError("the answer never reached the statistics")


async def test_a_bot_user_opens_the_mini_app_and_sees_their_statistics(page, web):
    await answered_in_the_bot(web, 8001)
    await open_mini_app(page, web.app_url, sign_init_data(web.fake.token, telegram_user(8001, "Telegram Аня")))
    await page.get_by_role("heading", name="Привет, Аня!").wait_for()  # the bot's account, its name
    assert await page.locator("input[type=password]").count() == 0
    assert await page.evaluate("getComputedStyle(document.body).backgroundColor") == DARK_PAGE
    await page.get_by_role("link", name=re.compile("^Статистика")).click()
    totals = page.get_by_test_id("totals")
    await totals.wait_for()
    text = await totals.inner_text()
    assert re.search(r"Ответов\s*1\b", text) and "100%" in text
    assert await page.locator(".theme-bars li").count() == 1
    assert await page.locator(".heatmap rect.l4").count() == 1  # today, the one active day
    await snap(page, "mini-app-stats-telegram-dark", dark_too=False)
    events = [name for name, _ in await page.evaluate("window.__telegramEvents")]
    assert "web_app_ready" in events
    back = [data for name, data in await page.evaluate("window.__telegramEvents")
            if name == "web_app_setup_back_button"]
    assert back and '"is_visible":true' in back[-1].replace(" ", "")


async def test_a_forged_launch_is_refused_and_offers_no_login(page, web):
    forged = sign_init_data("123456:not-this-bots-token", telegram_user(8002))
    await open_mini_app(page, web.app_url, forged)
    await page.get_by_text("Telegram не подтвердил, кто вы.", exact=False).wait_for()
    assert await page.locator("input[type=password]").count() == 0


async def test_a_new_english_telegram_user_gets_english(page, web):
    init_data = sign_init_data(web.fake.token, telegram_user(8003, "Ann", language_code="en"))
    await open_mini_app(page, web.app_url, init_data)
    await page.get_by_role("heading", name="Hello, Ann!").wait_for()
    assert await page.get_by_role("link", name=re.compile("^Train")).count() == 1
    await page.get_by_role("link", name=re.compile("^Cabinet")).click()
    await page.get_by_role("heading", name="Cabinet").wait_for()
    assert await page.locator("html").get_attribute("lang") == "en"
    assert await page.get_by_label("Language").input_value() == "en"
    await snap(page, "mini-app-cabinet-en-telegram-dark", dark_too=False)


@pytest.mark.parametrize("page", ["en-US"], indirect=True)
async def test_a_browser_in_english_shows_english(page, web):
    await page.goto(web.app_url)
    await page.get_by_role("tab", name="Create an account").wait_for()
    assert await page.get_by_role("tab", name="Sign in").count() == 1
    assert await page.locator("html").get_attribute("lang") == "en"
