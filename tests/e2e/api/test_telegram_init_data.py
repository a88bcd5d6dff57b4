"""Authorization: tma <initData>: the Mini App's signed launch data is the same account as the bot's,
registered on first use; a wrong hash, another bot's signature or an old one is a 401 problem."""
from __future__ import annotations

import time

import pytest

from tests.e2e.api.helpers import problem
from tests.e2e.bot.helpers import register
from tests.support.telegram_init_data import sign_init_data, telegram_user

DAY = 24 * 3600


def tma(init_data: str) -> dict[str, str]:
    return {"Authorization": f"tma {init_data}"}


async def test_a_bot_user_is_the_same_account_in_the_mini_app(bot_app):
    anya = bot_app.user(7001, first_name="Аня")
    await register(bot_app.fake, anya, grade="10")
    init_data = sign_init_data(bot_app.fake.token, telegram_user(7001, "Anya in Telegram"))
    async with bot_app.http.get("/api/v1/me", headers=tma(init_data)) as r:
        assert r.status == 200, await r.text()
        me = await r.json()
    assert (me["telegram_id"], me["display_name"], me["grade"]) == (7001, "Аня", "10")


async def test_first_use_registers_with_the_telegram_name_and_language(bot_app):
    init_data = sign_init_data(bot_app.fake.token, telegram_user(7002, "Ann", language_code="en"))
    async with bot_app.http.get("/api/v1/me", headers=tma(init_data)) as r:
        first = await r.json()
    async with bot_app.http.get("/api/v1/me", headers=tma(init_data)) as r:
        again = await r.json()
    assert (first["display_name"], first["locale"], first["grade"], first["email"]) == ("Ann", "en", None, None)
    assert again["id"] == first["id"]
    # the bot knows the same person now: /start shows the start page, not the registration
    await bot_app.user(7002, first_name="Ann", language_code="en").send("/start")
    home = await bot_app.fake.next_message(7002)
    assert "Hello, Ann!" in home.plain_text


@pytest.mark.parametrize("forge", ["wrong hash", "other bot", "too old", "future", "no user", "garbage", "empty"])
async def test_forged_or_stale_init_data_is_a_401_problem(bot_app, forge):
    token, user = bot_app.fake.token, telegram_user(7003)
    init_data = {
        "wrong hash": sign_init_data(token, user)[:-4] + "0000",
        "other bot": sign_init_data("999999:another-bots-token", user),
        "too old": sign_init_data(token, user, auth_date=int(time.time()) - DAY - 60),
        "future": sign_init_data(token, user, auth_date=int(time.time()) + 3600),
        "no user": sign_init_data(token, user).replace("user=", "usr="),
        "garbage": "%%%not a query string",
        "empty": "",
    }[forge]
    async with bot_app.http.get("/api/v1/me", headers=tma(init_data)) as r:
        body = await problem(r, 401)
    assert body["type"].endswith("/init_data_refused")
    assert r.headers["WWW-Authenticate"] == "tma"
    async with bot_app.http.get("/api/v1/stats/me", headers=tma(init_data)) as r:
        await problem(r, 401)
    # a refused request registered nobody: the Telegram user is new to the bot
    await bot_app.user(7003).send("/start")
    assert "имя" in (await bot_app.fake.next_message(7003)).plain_text.lower()


async def test_a_changed_field_breaks_the_signature(bot_app):
    init_data = sign_init_data(bot_app.fake.token, telegram_user(7004, "Аня"))
    forged = init_data.replace("7004", "7005")  # someone else's id, the hash left as it was
    async with bot_app.http.get("/api/v1/me", headers=tma(forged)) as r:
        await problem(r, 401)


async def test_the_age_limit_is_configurable(fake_telegram, empty_database, tmp_path):
    from tests.support.fixtures_bot import bot_settings, running_bot_app

    settings = bot_settings(empty_database, tmp_path, fake_telegram).model_copy(
        update={"webapp_init_data_max_age_seconds": 600})
    async with running_bot_app(settings, fake_telegram) as app:
        fresh = sign_init_data(fake_telegram.token, telegram_user(7006), auth_date=int(time.time()) - 300)
        stale = sign_init_data(fake_telegram.token, telegram_user(7006), auth_date=int(time.time()) - 700)
        async with app.http.get("/api/v1/me", headers=tma(fresh)) as r:
            assert r.status == 200
        async with app.http.get("/api/v1/me", headers=tma(stale)) as r:
            body = await problem(r, 401)
    assert "too old" in body["detail"]


async def test_without_a_bot_telegram_sign_in_is_refused(http):
    async with http.get("/api/v1/me", headers=tma(sign_init_data("1:x", telegram_user(7007)))) as r:
        body = await problem(r, 401)
    assert "no bot" in body["detail"]
