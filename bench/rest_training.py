"""REST training loop (next + answer), 64 concurrent clients, against bare aiohttp in the same run."""
from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

import aiohttp

from bench.common import fresh_database, postgres_server, run_module, scratch_dir
from bench.stats import LoadResult, print_table
from tests.support.live_process import free_port, start_app_process

CLIENTS = 64
SECONDS = 10.0
WARMUP_SECONDS = 2.0


async def register_clients(base_url: str, count: int) -> list[str]:
    gate = asyncio.Semaphore(4)  # argon2 is deliberately slow: log in a few at a time

    async with aiohttp.ClientSession(base_url) as session:
        async def one(i: int) -> str:
            credentials = {"email": f"bench{i}@example.org", "password": "benchmark password"}
            # Each client from its own address, as behind a load balancer: 64 registrations from one
            # address would meet the registration throttle.
            origin = {"X-Forwarded-For": f"10.77.{i // 250}.{i % 250 + 1}"}
            async with gate:
                async with session.post("/api/v1/auth/register", json={**credentials, "display_name": f"B{i}"},
                                        headers=origin):
                    pass
                async with session.post("/api/v1/auth/login", json=credentials, headers=origin) as response:
                    return (await response.json())["access_token"]
        return list(await asyncio.gather(*(one(i) for i in range(count))))


async def load(base_url: str, tokens_file: Path, seconds: float) -> LoadResult:
    output = await run_module("bench.loadgen", base_url, str(tokens_file), "--seconds", str(seconds))
    return LoadResult.from_json(output.strip().splitlines()[-1])


async def measure_app(server_dsn: str) -> LoadResult:
    async with fresh_database(server_dsn) as dsn:
        workdir = scratch_dir()
        live = await start_app_process(dsn, workdir, APO_LOG_LEVEL="WARNING", APO_TRUSTED_PROXIES="127.0.0.1")
        try:
            tokens_file = workdir / "tokens"
            tokens_file.write_text("\n".join(await register_clients(live.base_url, CLIENTS)))
            await load(live.base_url, tokens_file, WARMUP_SECONDS)
            return await load(live.base_url, tokens_file, SECONDS)
        finally:
            await live.stop()


async def measure_baseline() -> LoadResult:
    port = free_port()
    process = await asyncio.create_subprocess_exec(sys.executable, "-m", "bench.baseline_app", str(port))
    try:
        base_url = f"http://127.0.0.1:{port}"
        async with aiohttp.ClientSession() as session:
            for _ in range(100):
                try:
                    async with session.get(base_url + "/api/v1/training/next"):
                        break
                except aiohttp.ClientError:
                    await asyncio.sleep(0.05)
        tokens_file = scratch_dir() / "tokens"
        tokens_file.write_text("\n".join(["baseline"] * CLIENTS))
        await load(base_url, tokens_file, WARMUP_SECONDS)
        return await load(base_url, tokens_file, SECONDS)
    finally:
        process.send_signal(signal.SIGINT)
        await process.wait()


def describe(result: LoadResult) -> str:
    return (f"{result.rate:8.0f} req/s  p50 {result.p50_ms:6.1f} ms  p95 {result.p95_ms:6.1f} ms  "
            f"p99 {result.p99_ms:6.1f} ms  errors {result.errors}")


async def main() -> dict[str, str]:
    with postgres_server() as server_dsn:
        app = await measure_app(server_dsn)
    baseline = await measure_baseline()
    ratio = app.rate / baseline.rate if baseline.rate else 0.0
    print_table(f"REST training loop, {CLIENTS} clients, {SECONDS:.0f} s", [
        ("apo (next + answer)", describe(app)),
        ("bare aiohttp", describe(baseline)),
        ("apo / baseline", f"{ratio:.0%} (goal >= 30%, p99 <= 50 ms)"),
    ])
    return {"rest_rps": f"{app.rate:.0f}", "rest_ratio": f"{ratio:.0%}", "rest_p99": f"{app.p99_ms:.1f}"}


if __name__ == "__main__":
    asyncio.run(main())
