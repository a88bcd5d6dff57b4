"""The real `apo run` process: serves, and stops gracefully on SIGTERM/SIGINT with exit code 0."""
from __future__ import annotations

import signal
import time

import aiohttp
import pytest

from tests.support.live_process import start_app_process


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
async def test_signal_stops_the_service_gracefully(empty_database, tmp_path, sig):
    live = await start_app_process(empty_database, tmp_path)
    async with aiohttp.ClientSession() as session, session.get(live.base_url + "/readyz") as response:
        assert (await response.json())["stores"]["postgres"] == "ok"
    started = time.monotonic()
    code = await live.stop(sig, timeout=10)
    assert code == 0, live.log()
    assert time.monotonic() - started < 5
    log = live.log()
    assert "actors drained and stopped" in log and "stopped" in log.splitlines()[-1]

