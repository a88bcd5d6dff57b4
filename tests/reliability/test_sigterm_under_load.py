"""SIGTERM while clients hammer the training loop: the real service (a child process) exits 0 within
a few seconds, every answer it acknowledged is in PostgreSQL, and the analytics events of those
answers were spooled (APO_CLICKHOUSE_URL unset) with nothing dropped."""
from __future__ import annotations

import asyncio
import json
import re
import signal
from collections import Counter
from pathlib import Path
from time import monotonic

import aiopg

from tests.reliability.load import TrainingLoad, student_tokens
from tests.support.live_process import start_app_process

CLIENTS = 12
EXIT_LIMIT_SECONDS = 8.0  # aiohttp's shutdown timeout (4 s) + draining the actors + flushing analytics
ANALYTICS_STOPPED = re.compile(r"analytics stopped: (\d+) sent, (\d+) spooled, (\d+) dropped, (\d+) files")


async def test_sigterm_under_load_loses_no_acknowledged_answer(empty_database, tmp_path):
    live = await start_app_process(empty_database, tmp_path, ready_timeout=60)
    try:
        load = TrainingLoad(live.base_url, await student_tokens(live.base_url, CLIENTS), timeout=10.0)
        running = asyncio.create_task(load.run())
        try:
            await load.wait_for_acks(60)
            signalled = monotonic()
            live.process.send_signal(signal.SIGTERM)
            code = await asyncio.wait_for(live.process.wait(), 30)
            exited = monotonic() - signalled
        finally:
            load.stop.set()
            await asyncio.wait_for(running, 15)
    finally:
        await live.stop(signal.SIGKILL)  # only if something above failed before the exit
    log = live.log()

    assert code == 0, log[-3000:]
    assert exited < EXIT_LIMIT_SECONDS, exited
    assert "actors drained and stopped" in log and log.rstrip().endswith("stopped")

    # Clients saw answers, 503s while the actors stopped, or a closed door; never a 500.
    statuses = Counter(r.status for r in load.responses)
    assert set(statuses) <= {200, 409, 503, None}, statuses
    in_flight = [r for r in load.responses if r.sent < signalled < r.sent + r.took]
    assert in_flight, "no request was in flight when the signal came: the test proves nothing"
    acked = load.acknowledged
    assert len(acked) >= 60

    async with aiopg.connect(empty_database) as conn, conn.cursor() as cur:
        await cur.execute("SELECT id, served_id FROM attempts WHERE id = ANY(%s)", (list(acked),))
        stored = dict(await cur.fetchall())
        await cur.execute("SELECT count(*) FROM attempts")
        (all_attempts,), = await cur.fetchall()
    assert stored == acked, f"lost: {sorted(set(acked) - set(stored))}"

    # Analytics: the answer_submitted event of every acknowledged answer is in the spool, none dropped.
    sent, spooled, dropped, files = map(int, ANALYTICS_STOPPED.search(log).groups())
    assert (sent, dropped) == (0, 0) and spooled > 0 and files > 0
    spooled_answers = _spooled_attempt_ids(tmp_path / "spool")
    assert set(acked) <= spooled_answers, f"not spooled: {sorted(set(acked) - spooled_answers)}"
    assert len(spooled_answers) == all_attempts  # an answer committed but not acknowledged is there too

    print(f"\n[reliability] SIGTERM under load: exit 0 after {exited:.2f} s; {len(acked)} answers "
          f"acknowledged, all in PostgreSQL ({all_attempts} attempts stored); {spooled} analytics rows "
          f"spooled in {files} files, 0 dropped; {len(in_flight)} requests in flight at the signal "
          f"({dict(Counter(r.status for r in in_flight))}); all statuses {dict(statuses)}")


def _spooled_attempt_ids(spool: Path) -> set[int]:
    ids: list[int] = []
    for path in spool.glob("*.events.json"):
        for row in json.loads(path.read_text())["rows"]:
            if row["event"] == "answer_submitted":
                ids.append(json.loads(row["extra"])["attempt_id"])
    assert len(ids) == len(set(ids)), "an answer was spooled twice"
    return set(ids)
