"""The adaptive rule: the next question is one the student solves with about 75% predicted success.
Pure functions, shared by the actor and the simulation test.

Among the candidates (the user's filters already applied) that were not served in the last
RECENT, the one whose predicted success is inside TARGET_BAND is preferred; inside the band the
least often served wins, ties at random; outside it, the closest to TARGET. When every candidate
was served recently (a small bank), the least recently served half is the pool instead.
"""
from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from actors.adaptive.rating import expected, student_prior

TARGET = 0.75
TARGET_BAND = (0.70, 0.80)
RECENT = timedelta(hours=24)


@dataclass(frozen=True)
class Option:
    question_id: int
    subject: str
    rating: float
    guess: float
    last_served_at: datetime | None = None
    times_served: int = 0


@dataclass(frozen=True)
class Choice:
    option: Option
    predicted: float


def predicted(option: Option, ratings: Mapping[str, float]) -> float:
    rating = ratings.get(option.subject)
    return expected(student_prior(ratings.values()) if rating is None else rating, option.rating, option.guess)


def _pool(options: Sequence[Option], now: datetime, recent: timedelta) -> list[Option]:
    fresh = [o for o in options if o.last_served_at is None or o.last_served_at <= now - recent]
    if fresh:
        return fresh
    by_age = sorted(options, key=lambda o: (o.last_served_at, o.question_id))
    return by_age[:max(1, len(by_age) // 2)]


def pick_adaptive(options: Sequence[Option], ratings: Mapping[str, float], now: datetime,
                  rng: random.Random, *, target: float = TARGET,
                  band: tuple[float, float] = TARGET_BAND, recent: timedelta = RECENT) -> Choice | None:
    """ratings: the student's rating per subject (a missing one starts at student_prior)."""
    if not options:
        return None
    low, high = band

    def key(option: Option) -> tuple[float, int, float]:
        p = predicted(option, ratings)
        outside = 0.0 if low <= p <= high else abs(p - target)
        return round(outside, 4), option.times_served, rng.random()

    best = min(_pool(options, now, recent), key=key)
    return Choice(best, predicted(best, ratings))
