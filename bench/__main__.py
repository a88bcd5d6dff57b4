"""`make bench` / `python -m bench [name …]`: runs the benchmarks one after another and prints each
one's figures next to its same-run baseline. Load comes from other processes on 127.0.0.1 only."""
from __future__ import annotations

import asyncio
import importlib
import platform
import sys

from bench.stats import print_table

BENCHES = ("rest_training", "bot_answers", "mailing", "export", "analytics", "calculated")


async def run(names: list[str]) -> None:
    figures: dict[str, str] = {}
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        figures.update(await module.main())
    print_table(f"summary ({platform.node()}, {platform.processor() or platform.machine()})",
                sorted(figures.items()))


if __name__ == "__main__":
    chosen = sys.argv[1:] or list(BENCHES)
    unknown = set(chosen) - set(BENCHES)
    if unknown:
        raise SystemExit(f"unknown bench: {', '.join(sorted(unknown))}; choose from {', '.join(BENCHES)}")
    asyncio.run(run(chosen))
