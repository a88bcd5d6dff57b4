"""Per-shard counters and latency windows, summed per actor name for health()."""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable

WINDOW = 1024  # recent samples kept per window: enough for stable p95, cheap to sort on demand


def percentile(samples: list[float], q: float) -> float | None:
    """Nearest-rank percentile of unsorted samples (seconds in, milliseconds out)."""
    if not samples:
        return None
    ordered = sorted(samples)
    rank = max(1, -(-len(ordered) * q // 100))  # ceil(n * q / 100), at least the first sample
    return round(ordered[int(rank) - 1] * 1000.0, 3)


class TypeTiming:
    """What the runtime's timing records for one message type."""

    __slots__ = ("count", "failed", "window")

    def __init__(self) -> None:
        self.count = 0
        self.failed = 0
        self.window: deque[float] = deque(maxlen=WINDOW)


class ShardMetrics:
    __slots__ = ("by_type", "expired", "failed", "handled", "latency", "restarts", "wait")

    def __init__(self) -> None:
        self.handled = 0
        self.failed = 0
        self.expired = 0  # asks whose caller had already given up when their turn came
        self.restarts = 0
        self.latency: deque[float] = deque(maxlen=WINDOW)  # handler run time, seconds
        self.wait: deque[float] = deque(maxlen=WINDOW)  # time spent queued, seconds
        self.by_type: dict[str, TypeTiming] = {}

    def record_timed(self, message_type: str, seconds: float, ok: bool) -> None:
        timing = self.by_type.get(message_type)
        if timing is None:
            timing = self.by_type[message_type] = TypeTiming()
        timing.count += 1
        timing.failed += 0 if ok else 1
        timing.window.append(seconds)


def summarize(shards: Iterable[ShardMetrics]) -> dict:
    """One actor's numbers: counters summed over its shards, percentiles over all their samples."""
    shards = list(shards)
    latency = [s for m in shards for s in m.latency]
    wait = [s for m in shards for s in m.wait]
    timed: dict[str, dict] = {}
    for type_name in sorted({t for m in shards for t in m.by_type}):
        parts = [m.by_type[type_name] for m in shards if type_name in m.by_type]
        samples = [s for p in parts for s in p.window]
        timed[type_name] = {"count": sum(p.count for p in parts), "failed": sum(p.failed for p in parts),
                            "p50_ms": percentile(samples, 50), "p95_ms": percentile(samples, 95)}
    return {
        "handled": sum(m.handled for m in shards),
        "failed": sum(m.failed for m in shards),
        "expired": sum(m.expired for m in shards),
        "restarts": sum(m.restarts for m in shards),
        "p50_ms": percentile(latency, 50),
        "p95_ms": percentile(latency, 95),
        "wait_p95_ms": percentile(wait, 95),
        "timed": timed,
    }
