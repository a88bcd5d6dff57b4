"""Latency percentiles and a figures table, shared by every benchmark."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(fraction * len(sorted_values)) - 1))
    return sorted_values[index]


@dataclass
class LoadResult:
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @classmethod
    def from_latencies(cls, latencies: list[float], errors: int, seconds: float) -> LoadResult:
        ordered = sorted(latencies)
        return cls(len(ordered), errors, seconds, *(percentile(ordered, f) * 1000 for f in (0.5, 0.95, 0.99)))

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> LoadResult:
        return cls(**json.loads(text))


def print_table(title: str, rows: list[tuple[str, str]]) -> None:
    width = max(len(name) for name, _ in rows)
    print(f"\n== {title}", file=sys.stdout)
    for name, value in rows:
        print(f"  {name.ljust(width)}  {value}", file=sys.stdout)
    sys.stdout.flush()
