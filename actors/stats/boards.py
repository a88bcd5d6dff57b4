"""Which document fields a leaderboard reads, and how ranks are counted. Pure."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from actors.stats.views import Period


@dataclass(frozen=True)
class Board:
    """One leaderboard: all time or this week, all subjects or one."""
    period: Period
    subject: str | None
    week: str                       # the current week (used when period == "week")

    @property
    def prefix(self) -> str:
        base = "totals" if self.period == "all" else "week"
        if self.subject is None:
            return base
        return f"subjects.{self.subject}" if self.period == "all" else f"week.subjects.{self.subject}"

    @property
    def points_path(self) -> str:
        return f"{self.prefix}.points"

    def where(self, above: float = 0.0) -> dict[str, Any]:
        """Users on the board (points > 0) or, with `above`, those ranked before such a score."""
        where: dict[str, Any] = {self.points_path: {"$gt": above}}
        if self.period == "week":
            where["week.id"] = self.week
        return where

    def sort(self) -> list[tuple[str, int]]:
        return [(self.points_path, -1), ("user_id", 1)]

    def score(self, body: dict[str, Any]) -> tuple[float, int]:
        """(points, attempts) of one document on this board; (0, 0) when it is not on it."""
        if self.period == "week" and body.get("week", {}).get("id") != self.week:
            return 0.0, 0
        node: Any = body
        for name in self.prefix.split("."):
            node = node.get(name) if isinstance(node, dict) else None
        if not isinstance(node, dict):
            return 0.0, 0
        return float(node.get("points", 0.0)), int(node.get("attempts", 0))


def competition_ranks(points: list[float]) -> list[int]:
    """Ranks of an already sorted (descending) list: equal points share a rank, the next skips."""
    ranks: list[int] = []
    for position, value in enumerate(points):
        ranks.append(ranks[-1] if position and value == points[position - 1] else position + 1)
    return ranks
