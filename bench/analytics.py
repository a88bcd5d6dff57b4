"""Analytics ingest: domain events through the analytics actor into ClickHouse, against raw
aiochclient batch inserts of the same rows into the same table, in the same run."""
from __future__ import annotations

import asyncio
import time
import uuid
from datetime import datetime, timezone

import aiohttp
from aiochclient import ChClient

from actors.analytics import GetAnalyticsStatus
from actors.runtime import ActorSystem
from actors.training.messages import AnswerSubmitted
from app.wiring.analytics import analytics_context
from app.wiring.subscriptions import subscribe
from app.config import Settings
from bench.common import scratch_dir
from bench.stats import print_table
from tests.support.servers import clickhouse

EVENTS = 50_000
BATCH = 1000
ROUNDS = 3


def answer(seq: int) -> AnswerSubmitted:
    return AnswerSubmitted(attempt_id=seq, user_id=seq % 500 + 1, question_id=seq % 194 + 1, subject="economics",
                           theme="Спрос и предложение", source_id=1, question_type="one", correct=seq % 3 != 0,
                           score=1.0, points=3.0, max_points=3, elapsed_ms=12_000,
                           answered_at=datetime.now(timezone.utc), channel="api", mode="training")


async def through_the_actor(url: str) -> float:
    system = ActorSystem(default_ask_timeout=10.0)
    settings = Settings(_env_file=None, clickhouse_url=f"{url}/bench_actor", data_dir=scratch_dir())
    events = [answer(seq) for seq in range(EVENTS)]  # built before the clock, as the raw side's rows are
    async with analytics_context(settings, system) as analytics:
        subscribe(system)
        await system.start()
        started = time.perf_counter()
        for event in events:
            await system.publish(event)
        # A burst larger than the bounded buffer goes through the spool: count both ways in.
        while (status := await analytics.ref.ask(GetAnalyticsStatus())).sent + status.replayed < EVENTS:
            await asyncio.sleep(0.02)
        spooled = status.spooled
        elapsed = time.perf_counter() - started
        await system.stop()
    outran = ": the burst outran the buffer" if spooled else ""
    print(f"  (of {EVENTS:,} events, {spooled:,} went through the spool{outran})")
    return EVENTS / elapsed


async def raw_inserts(url: str) -> float:
    async with aiohttp.ClientSession() as session:
        client = ChClient(session, url=url)
        await client.execute("CREATE DATABASE IF NOT EXISTS bench_raw")
        await client.execute("CREATE TABLE IF NOT EXISTS bench_raw.events AS bench_actor.events")
        now = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
        rows = [(uuid.uuid4(), uuid.uuid4(), now, "answer_submitted", seq % 500 + 1, "api", "economics",
                 "Спрос и предложение", str(seq % 194 + 1), 1, 3.0, 3.0, 12000.0, "", "", "", "", "{}")
                for seq in range(EVENTS)]
        started = time.perf_counter()
        for start in range(0, EVENTS, BATCH):
            await client.execute("INSERT INTO bench_raw.events VALUES", *rows[start:start + BATCH])
        return EVENTS / (time.perf_counter() - started)


async def main() -> dict[str, str]:
    # ClickHouse 18.16's cost per insert swings between runs (the raw figure alone varied 2x), so
    # both sides run ROUNDS times, alternating, and each keeps its best.
    server = await asyncio.to_thread(clickhouse.start)
    ours_runs, raw_runs = [], []
    try:
        for _ in range(ROUNDS):
            ours_runs.append(await through_the_actor(server.url))
            raw_runs.append(await raw_inserts(server.url))
    finally:
        await asyncio.to_thread(server.stop)
    ours, raw = max(ours_runs), max(raw_runs)

    def runs(rates: list[float]) -> str:
        return ", ".join(f"{rate:.0f}" for rate in rates)

    print_table(f"Analytics ingest of {EVENTS:,} events into ClickHouse 18.16, best of {ROUNDS}", [
        ("apo analytics actor (publish -> batch -> insert)", f"{ours:9.0f} events/s  (runs: {runs(ours_runs)})"),
        ("raw aiochclient batch insert", f"{raw:9.0f} events/s  (runs: {runs(raw_runs)})"),
        ("apo / raw", f"{ours / raw:.0%} (goal >= 80%)"),
    ])
    return {"analytics_rate": f"{ours:.0f}", "analytics_ratio": f"{ours / raw:.0%}"}


if __name__ == "__main__":
    asyncio.run(main())
