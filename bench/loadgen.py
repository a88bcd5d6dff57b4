"""The load: N clients, each looping next question → answer, from its own process on 127.0.0.1.

python -m bench.loadgen BASE_URL TOKENS_FILE --seconds 10 --max-requests 200000
Prints one JSON LoadResult line. Bounded in time and in count.
"""
from __future__ import annotations

import argparse
import asyncio
import time
from pathlib import Path

import aiohttp

from bench.stats import LoadResult


async def client(session: aiohttp.ClientSession, token: str, deadline: float, budget: list[int],
                 latencies: list[float], errors: list[int]) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    while time.perf_counter() < deadline and budget[0] > 0:
        budget[0] -= 2
        started = time.perf_counter()
        async with session.get("/api/v1/training/next", headers=headers) as response:
            question = await response.json()
        latencies.append(time.perf_counter() - started)
        if response.status != 200:
            errors[0] += 1
            continue
        body = {"served_id": question["served_id"], "answer": _any_answer(question)}
        started = time.perf_counter()
        async with session.post("/api/v1/training/answers", json=body, headers=headers) as response:
            await response.read()
        latencies.append(time.perf_counter() - started)
        if response.status != 200:
            errors[0] += 1


def _any_answer(question: dict) -> object:
    return {"yes_no": True, "one": 0, "multiple": [0], "open": "42"}[question["type"]]


async def run(base_url: str, tokens: list[str], seconds: float, max_requests: int) -> LoadResult:
    latencies: list[float] = []
    errors = [0]
    budget = [max_requests]
    connector = aiohttp.TCPConnector(limit=len(tokens))
    async with aiohttp.ClientSession(base_url, connector=connector) as session:
        started = time.perf_counter()
        deadline = started + seconds
        await asyncio.gather(*(client(session, t, deadline, budget, latencies, errors) for t in tokens))
        elapsed = time.perf_counter() - started
    return LoadResult.from_latencies(latencies, errors[0], elapsed)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base_url")
    parser.add_argument("tokens_file", type=Path)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--max-requests", type=int, default=200_000)
    args = parser.parse_args()
    tokens = args.tokens_file.read_text().split()
    print(asyncio.run(run(args.base_url, tokens, args.seconds, args.max_requests)).to_json())


if __name__ == "__main__":
    main()
