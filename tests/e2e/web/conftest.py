"""The web app in Debian's headless Chromium (Playwright's Python package, pointed at /usr/bin/chromium),
against the real app with the bot polling the fake Telegram, on a fresh database.

Under CI=true a missing browser or an unbuilt web app fails the test; elsewhere it skips.
"""
from __future__ import annotations

import os
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from app.main import create_app
from app.webapp.setup import DIST
from tests.support.fake_telegram import FakeTelegram, FakeUser
from tests.support.fixtures_bot import bot_settings, wait_for_polling_start

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WEBAPP_URL = "https://apo.example/app/"


def _missing(what: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} (tests/support/install_test_deps.sh and `make web` provide it)")
    pytest.skip(what)


@pytest.fixture(scope="session")
async def chromium() -> AsyncIterator[object]:
    if not CHROMIUM.exists():
        _missing("no /usr/bin/chromium")
    if not (DIST / "index.html").is_file():
        _missing("the web app is not built (app/webapp/dist)")
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        await browser.close()


@dataclass
class WebServer:
    base_url: str          # http://127.0.0.1:PORT
    fake: FakeTelegram
    http: aiohttp.ClientSession
    database: str

    @property
    def app_url(self) -> str:
        return self.base_url + "/app/"

    def user(self, id: int, first_name: str = "Аня", language_code: str | None = "ru") -> FakeUser:
        return self.fake.user(id, first_name=first_name, language_code=language_code)


@pytest.fixture
async def web(fake_telegram: FakeTelegram, empty_database: str, tmp_path: Path) -> AsyncIterator[WebServer]:
    settings = bot_settings(empty_database, tmp_path, fake_telegram).model_copy(update={"webapp_url": WEBAPP_URL})
    server = TestServer(create_app(settings), host="127.0.0.1")
    await server.start_server()
    try:
        await wait_for_polling_start(fake_telegram)
        base_url = str(server.make_url("")).rstrip("/")
        async with aiohttp.ClientSession(base_url=base_url) as http:
            yield WebServer(base_url, fake_telegram, http, empty_database)
    finally:
        await server.close()


@pytest.fixture
async def page(chromium, request) -> AsyncIterator[object]:
    """A phone-sized page (360 × 740) in a fresh context; a Content-Security-Policy violation or an
    uncaught script error fails the test."""
    locale = getattr(request, "param", "ru-RU")
    context = await chromium.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2,
                                         locale=locale, color_scheme="light")
    page = await context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("console", lambda message: problems.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.set_default_timeout(10_000)
    yield page
    await context.close()
    assert problems == []
