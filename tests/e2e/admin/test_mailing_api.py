"""Mailings over the admin API: HTML checked before anything is sent, preview to the admin only,
pause / resume / cancel, and the state rules."""
from __future__ import annotations

import asyncio

import pytest

from tests.e2e.admin.helpers import insert_telegram_users, make_admin, wait_for_status
from tests.e2e.api.helpers import problem

MAILINGS = "/admin/api/v1/mailings"


async def create(http, headers, text="<b>Привет!</b>", **fields) -> dict:
    async with http.post(MAILINGS, headers=headers, json={"text": text, "segment": {"kind": "all"}, **fields}) as r:
        assert r.status == 201, await r.text()
        return await r.json()


async def act(http, headers, mailing_id: int, action: str, status: int = 200) -> dict:
    async with http.post(f"{MAILINGS}/{mailing_id}/{action}", headers=headers) as response:
        assert response.status == status, await response.text()
        return await response.json() if response.status != 204 else {}


@pytest.mark.parametrize(("text", "photo", "problem_text"), [
    ("<b>не закрыт", None, "<b> is never closed"),
    ("цена < 100", None, "line 1, column 6: a bare '<'"),
    ("<div>блок</div>", None, "<div> is not a tag"),
    ("x" * 1100, "https://example.org/a.png", "Telegram allows 1024"),
    ("ok", "not a photo", "https URL or a Telegram file_id"),
])
async def test_text_telegram_would_refuse_is_422_before_anything_is_stored(admin_http, empty_database, text, photo,
                                                                           problem_text):
    _, admin = await make_admin(admin_http, empty_database)
    async with admin_http.post(MAILINGS, headers=admin,
                               json={"text": text, "photo": photo, "segment": {"kind": "all"}}) as response:
        body = await problem(response, 422)
    assert problem_text in body["detail"]
    async with admin_http.get(MAILINGS, headers=admin) as response:
        assert await response.json() == []


async def test_bad_segments_are_422(admin_http, empty_database):
    _, admin = await make_admin(admin_http, empty_database)
    for segment in ({"kind": "grade", "grades": []}, {"kind": "inactive"}, {"kind": "everyone"}):
        async with admin_http.post(MAILINGS, headers=admin, json={"text": "hi", "segment": segment}) as response:
            await problem(response, 422)


async def test_without_a_bot_drafts_are_kept_but_nothing_can_be_sent(admin_http, empty_database):
    _, admin = await make_admin(admin_http, empty_database, telegram_id=4242)
    mailing = await create(admin_http, admin)
    for action in ("start", "preview"):
        async with admin_http.post(f"{MAILINGS}/{mailing['id']}/{action}", headers=admin) as response:
            assert "not configured" in (await problem(response, 409))["detail"]
    async with admin_http.get(f"{MAILINGS}/{mailing['id']}", headers=admin) as response:
        assert (await response.json())["status"] == "draft"
    for action in ("start", "resume", "preview"):  # a mailing that does not exist is missing, bot or not
        async with admin_http.post(f"{MAILINGS}/999999/{action}", headers=admin) as response:
            await problem(response, 404)


async def test_preview_goes_to_the_admin_only_and_needs_a_linked_telegram(telegram_admin_http, empty_database,
                                                                          fake_telegram):
    http = telegram_admin_http
    await insert_telegram_users(empty_database, 300_000, 5)
    _, admin = await make_admin(http, empty_database, telegram_id=4242)
    mailing = await create(http, admin, text="<i>Превью</i>")
    assert mailing["audience"] == 6  # the admin has Telegram too
    await act(http, admin, mailing["id"], "preview", 204)
    assert fake_telegram.sent_count(4242) == 1 and fake_telegram.sent_count() == 1
    assert fake_telegram.outputs(4242)[0].plain_text == "Превью"
    _, no_telegram = await make_admin(http, empty_database)
    async with http.post(f"{MAILINGS}/{mailing['id']}/preview", headers=no_telegram) as response:
        assert (await problem(response, 409))["type"].endswith("no_telegram_chat")
    async with http.get(f"{MAILINGS}/{mailing['id']}", headers=admin) as response:
        assert (await response.json())["status"] == "draft"


async def test_pause_holds_everything_and_resume_finishes_with_one_message_each(telegram_admin_http, empty_database,
                                                                                fake_telegram):
    http, fake = telegram_admin_http, fake_telegram
    await insert_telegram_users(empty_database, 310_000, 150)
    _, admin = await make_admin(http, empty_database)
    mailing = await create(http, admin)
    assert (await act(http, admin, mailing["id"], "start", 202))["status"] == "running"
    assert (await act(http, admin, mailing["id"], "start", 202))["status"] == "running"  # a repeat is harmless
    while fake.sent_count() < 20:
        await asyncio.sleep(0.01)
    assert (await act(http, admin, mailing["id"], "pause"))["status"] == "paused"
    await asyncio.sleep(0.3)  # the group in flight lands
    held = fake.sent_count()
    await asyncio.sleep(0.7)
    assert fake.sent_count() == held < 150
    async with http.get(f"{MAILINGS}/{mailing['id']}", headers=admin) as response:
        paused = await response.json()
    assert paused["status"] == "paused" and paused["sent"] == held and paused["pending"] == 150 - held
    assert paused["rate"] == 0.0
    await act(http, admin, mailing["id"], "resume", 202)
    finished = await wait_for_status(http, admin, mailing["id"], {"finished"})
    assert finished["sent"] == 150 and finished["pending"] == 0
    assert all(fake.sent_count(chat_id) == 1 for chat_id in range(310_000, 310_150))


async def test_cancel_stops_for_good_and_the_state_rules_hold(telegram_admin_http, empty_database, fake_telegram):
    http, fake = telegram_admin_http, fake_telegram
    await insert_telegram_users(empty_database, 320_000, 150)
    _, admin = await make_admin(http, empty_database)
    mailing = await create(http, admin)
    await act(http, admin, mailing["id"], "pause", 409)  # a draft cannot pause
    await act(http, admin, mailing["id"], "resume", 409)
    await act(http, admin, mailing["id"], "start", 202)
    while fake.sent_count() < 20:
        await asyncio.sleep(0.01)
    cancelled = await act(http, admin, mailing["id"], "cancel")
    assert cancelled["status"] == "cancelled" and cancelled["finished_at"]
    await asyncio.sleep(0.3)
    stopped_at = fake.sent_count()
    await asyncio.sleep(0.5)
    assert fake.sent_count() == stopped_at < 150
    assert (await act(http, admin, mailing["id"], "cancel"))["status"] == "cancelled"  # a repeat is harmless
    for action in ("start", "resume", "pause"):
        await act(http, admin, mailing["id"], action, 409)
    async with http.get(f"{MAILINGS}/{mailing['id']}", headers=admin) as response:
        progress = await response.json()
    assert progress["status"] == "cancelled" and progress["pending"] == 150 - stopped_at
    async with http.post(f"{MAILINGS}/999999/start", headers=admin) as response:
        await problem(response, 404)
    async with http.get(MAILINGS, headers=admin, params={"limit": "5"}) as response:
        listed = await response.json()
    assert [m["id"] for m in listed] == [mailing["id"]] and listed[0]["segment"] == {"kind": "all"}


async def test_pause_and_resume_at_once_still_sends_everyone_once(telegram_admin_http, empty_database,
                                                                  fake_telegram):
    http, fake = telegram_admin_http, fake_telegram
    await insert_telegram_users(empty_database, 340_000, 60)
    _, admin = await make_admin(http, empty_database)
    mailing = await create(http, admin)
    await act(http, admin, mailing["id"], "start", 202)
    while fake.sent_count() < 5:
        await asyncio.sleep(0.01)
    await act(http, admin, mailing["id"], "pause")
    await act(http, admin, mailing["id"], "resume", 202)
    finished = await wait_for_status(http, admin, mailing["id"], {"finished"}, timeout=20)
    assert finished["sent"] == 60
    assert all(fake.sent_count(chat_id) == 1 for chat_id in range(340_000, 340_060))
