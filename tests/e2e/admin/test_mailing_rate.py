"""A mailing to 2,000 Telegram users through the fake Bot API, which enforces a send rate: 5% have
blocked the bot and one send is answered 429 in the middle. Everyone else gets exactly one message,
the blocked are marked and skipped later, and the achieved rate is at least 90% of the cap."""
from __future__ import annotations

import asyncio

from app.main import create_app
from tests.e2e.admin.conftest import serve, telegram_settings
from tests.e2e.admin.helpers import (
    insert_telegram_users,
    make_admin,
    sql,
    wait_for_status,
)

FIRST_ID, COUNT, CAP = 500_000, 2000, 200
TEXT = "<b>Олимпиада</b> в субботу &amp; <i>пробный тур</i> — <a href=\"https://example.org\">запись</a>"


async def inject_429_after(fake, sends: int) -> None:
    while fake.sent_count() < sends:
        await asyncio.sleep(0.005)
    fake.fail_next("sendMessage", status=429, retry_after=1)


async def test_two_thousand_recipients_at_the_cap_with_blocked_users_and_a_429(empty_database, tmp_path,
                                                                               fake_telegram):
    fake = fake_telegram
    fake.rate_limit(global_per_second=int(CAP * 1.1), per_chat_per_second=1)
    blocked = set(range(FIRST_ID, FIRST_ID + COUNT, 20))  # 100 users, 5%
    for chat_id in blocked:
        fake.block_user(chat_id)
    async for http in serve(create_app(telegram_settings(empty_database, tmp_path, fake, mailing_rate=CAP))):
        _, admin = await make_admin(http, empty_database)
        await insert_telegram_users(empty_database, FIRST_ID, COUNT)
        async with http.post("/admin/api/v1/mailings", headers=admin,
                             json={"text": TEXT, "segment": {"kind": "all"}}) as response:
            assert response.status == 201, await response.text()
            mailing = await response.json()
        assert mailing["audience"] == COUNT and mailing["status"] == "draft"
        injector = asyncio.create_task(inject_429_after(fake, 600))
        async with http.post(f"/admin/api/v1/mailings/{mailing['id']}/start", headers=admin) as response:
            assert response.status == 202 and (await response.json())["status"] == "running"
        progress = await wait_for_status(http, admin, mailing["id"], {"finished"}, timeout=60)
        await injector

        average = progress.pop("rate")  # once finished: the mailing's average, pauses included
        assert progress == {"id": mailing["id"], "status": "finished", "total": COUNT, "sent": COUNT - 100,
                            "failed": 0, "blocked": 100, "interrupted": 0, "pending": 0}
        assert 0 < average <= CAP * 1.1
        for chat_id in range(FIRST_ID, FIRST_ID + COUNT):
            assert fake.sent_count(chat_id) == (0 if chat_id in blocked else 1), chat_id
        assert fake.outputs(FIRST_ID + 1)[0].plain_text.startswith("Олимпиада в субботу & пробный тур")
        assert fake.rate_violations == 0  # never over the fake's enforced rate
        calls = fake.calls("sendMessage")
        refused = [c for c in calls if c.status == 429]
        assert len(refused) == 1 and len(calls) == COUNT + 1
        busy_seconds = calls[-1].time - calls[0].time - 1.0  # minus the 429's pause
        rate = (len(calls) - 1) / busy_seconds
        print(f"\nmailing: {len(calls)} sends in {busy_seconds + 1:.2f} s (1 s paused): {rate:.1f}/s, cap {CAP}/s")
        assert rate >= 0.9 * CAP

        marked = await sql(empty_database, "SELECT telegram_id FROM users WHERE bot_blocked ORDER BY telegram_id")
        assert {row[0] for row in marked} == blocked
        async with http.post("/admin/api/v1/mailings", headers=admin,
                             json={"text": "Второе письмо", "segment": {"kind": "all"}}) as response:
            assert (await response.json())["audience"] == COUNT - 100  # the blocked are skipped from now on
