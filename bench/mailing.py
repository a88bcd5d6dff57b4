"""Mailing to 10,000 recipients through the fake Bot API, the cap raised for the bench: achieved/cap."""
from __future__ import annotations

import asyncio

import aiohttp

from bench.common import fresh_database, postgres_server, scratch_dir
from bench.stats import print_table
from tests.e2e.admin.helpers import insert_telegram_users, make_admin, wait_for_status
from tests.support.fake_telegram import FakeTelegram
from tests.support.live_process import start_app_process

RECIPIENTS = 10_000
CAP = 400.0  # messages/s; Telegram's own limit is ~30/s, the bench raises it to load the service


async def measure(server_dsn: str) -> tuple[float, float]:
    async with fresh_database(server_dsn) as dsn, FakeTelegram() as fake:
        live = await start_app_process(dsn, scratch_dir(), APO_LOG_LEVEL="WARNING", APO_BOT_TOKEN=fake.token,
                                       APO_TELEGRAM_API_URL=fake.base_url, APO_MAILING_RATE=str(CAP))
        try:
            async with aiohttp.ClientSession(live.base_url) as http:
                _, admin = await make_admin(http, dsn)
                await insert_telegram_users(dsn, 700_000, RECIPIENTS)
                async with http.post("/admin/api/v1/mailings", headers=admin,
                                     json={"text": "Пробный тур в субботу", "segment": {"kind": "all"}}) as r:
                    mailing = await r.json()
                async with http.post(f"/admin/api/v1/mailings/{mailing['id']}/start", headers=admin):
                    pass
                await wait_for_status(http, admin, mailing["id"], {"finished"}, timeout=RECIPIENTS / CAP * 4)
        finally:
            await live.stop()
        calls = [c for c in fake.calls("sendMessage") if c.status == 200]
        seconds = calls[-1].time - calls[0].time
        return (len(calls) - 1) / seconds, seconds  # n sends span n - 1 intervals


async def main() -> dict[str, str]:
    with postgres_server() as server_dsn:
        rate, seconds = await measure(server_dsn)
    print_table(f"Mailing to {RECIPIENTS:,} recipients, cap {CAP:.0f}/s", [
        ("achieved", f"{rate:7.1f} msg/s in {seconds:.1f} s"),
        ("achieved / cap", f"{rate / CAP:.0%} (goal >= 95%)"),
    ])
    return {"mailing_rate": f"{rate:.0f}", "mailing_ratio": f"{rate / CAP:.0%}"}


if __name__ == "__main__":
    asyncio.run(main())
