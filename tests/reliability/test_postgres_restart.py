"""PostgreSQL restarted under load: the real service (a child process) answers 503 problem+json while
the database is away, heals by itself when it returns, and loses no acknowledged answer.

Statistics, ratings and the review queue agree with the attempts within 10 s after it (their events
waited in the outbox). The service also runs its bot against the fake Telegram
(APO_TELEGRAM_API_URL): a student writing during the outage gets the friendly "busy" message, and
the bot works again afterwards.
"""
from __future__ import annotations

import asyncio
import signal
from collections import Counter
from time import monotonic

import aiohttp
import aiopg

from tests.e2e.bot.helpers import register as register_in_bot
from tests.reliability.agreement import agreement_within
from tests.reliability.load import TrainingLoad, student_tokens
from tests.support.fixtures_bot import wait_for_polling_start
from tests.support.live_process import start_app_process

CLIENTS = 8
OUTAGE_SECONDS = 2.0
RECOVERY_LIMIT_SECONDS = 5.0
CATCH_UP_SECONDS = 10.0
CLIENT_TIMEOUT_SECONDS = 5.0


async def test_postgres_restart_under_load(restartable_postgres, fake_telegram, tmp_path):
    pg, fake = restartable_postgres, fake_telegram
    live = await start_app_process(pg.dsn, tmp_path, ready_timeout=60, APO_BOT_TOKEN=fake.token,
                                   APO_TELEGRAM_API_URL=fake.base_url)
    try:
        await wait_for_polling_start(fake, timeout=10)
        anya = fake.user(7101, first_name="Аня")
        assert "Привет, Аня!" in (await register_in_bot(fake, anya)).plain_text
        tokens = await student_tokens(live.base_url, CLIENTS)
        load = TrainingLoad(live.base_url, tokens, timeout=CLIENT_TIMEOUT_SECONDS)
        running = asyncio.create_task(load.run())
        try:
            await load.wait_for_acks(40)
            went_down = monotonic()
            await asyncio.to_thread(pg.down)
            is_down = monotonic()

            await anya.send("/menu")  # the bot during the outage
            busy = await anya.next_message(timeout=OUTAGE_SECONDS + 3)
            with_bot = monotonic()
            await asyncio.sleep(max(0.0, OUTAGE_SECONDS - (monotonic() - is_down)))

            coming_up = monotonic()
            await asyncio.to_thread(pg.up)
            is_up = monotonic()  # at most one readiness poll (0.1 s) after it accepted connections
            recovered = await load.first_ok_after(coming_up, timeout=RECOVERY_LIMIT_SECONDS + 5)
            recovery = max(0.0, recovered.sent + recovered.took - is_up)
            await load.wait_for_acks(40)  # and it goes on serving
        finally:
            load.stop.set()
            await asyncio.wait_for(running, CLIENT_TIMEOUT_SECONDS + 5)
        async with aiohttp.ClientSession() as http, http.get(live.base_url + "/readyz") as response:
            ready = response.status
        await anya.send("/menu")
        menu_after = await anya.next_message()
        caught_up = await agreement_within(CATCH_UP_SECONDS, pg.dsn, live.base_url, tokens)
        never_exited = live.process.returncode is None
    finally:
        code = await live.stop(signal.SIGTERM, timeout=15)
    log = live.log()

    # The student on the bot was told to try again, and the bot works again afterwards.
    assert "Сервис сейчас занят" in busy.plain_text, busy
    assert with_bot - is_down < OUTAGE_SECONDS + 3
    assert "Привет, Аня!" in menu_after.plain_text, menu_after

    # During the outage: 503 problem+json with Retry-After, never a 500, never a hang.
    statuses = Counter(r.status for r in load.responses)
    assert statuses[None] == 0, [r for r in load.responses if r.status is None][:5]
    assert set(statuses) <= {200, 409, 503}, statuses
    unavailable = [r for r in load.responses if r.status == 503]
    assert all(r.content_type == "application/problem+json" and r.body["status"] == 503
               and r.retry_after == "1" for r in unavailable), unavailable[:3]
    outage = load.sent_between(is_down, coming_up)
    assert len(outage) >= CLIENTS and [r for r in outage if r.status != 503] == []
    slowest = max(r.took for r in load.responses)
    assert slowest < CLIENT_TIMEOUT_SECONDS

    # It healed by itself (the same process, never restarted) soon after PostgreSQL came back.
    assert never_exited and code == 0, log[-3000:]
    assert recovery <= RECOVERY_LIMIT_SECONDS, recovery
    assert ready == 200

    # Every answer acknowledged before or after the outage is in the attempts table.
    acked = load.acknowledged
    assert load.acks_between(0, went_down) and load.acks_between(coming_up, monotonic())
    async with aiopg.connect(pg.dsn) as conn, conn.cursor() as cur:
        await cur.execute("SELECT id, served_id FROM attempts WHERE id = ANY(%s)", (list(acked),))
        stored = dict(await cur.fetchall())
    assert stored == acked, f"lost: {sorted(set(acked) - set(stored))}"

    # Statistics, ratings and the mistakes queue caught up too (agreement_within asserted it): the
    # events of answers committed just before PostgreSQL went away waited in the outbox.
    since_start = recovered.sent + recovered.took - coming_up
    print(f"\n[reliability] statistics, ratings and reviews agreed with {len(acked)}+ attempts "
          f"{caught_up:.2f} s after the load stopped")
    print(f"[reliability] PostgreSQL restart: {len(acked)} answers acknowledged, all stored; "
          f"{statuses[503]} x 503 during the outage ({len(outage)} sent while down), 0 x 500; "
          f"first 200 {recovery:.3f} s after PostgreSQL was back ({since_start:.3f} s after its start "
          f"began, {is_up - coming_up:.3f} s of which PostgreSQL's own start); slowest response "
          f"{slowest:.3f} s; bot busy reply {with_bot - is_down:.3f} s into the outage")
