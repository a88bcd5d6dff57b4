"""The selection rule: which matching question a user gets next. Pure functions.

Candidates are the questions that match the user's filters and were not shown in this session
(a question is never repeated inside a session). Each falls into a tier by the user's history:

  tier 0  never shown to this user, or the user's last answer to it was wrong (partial credit
          counts as wrong): these are preferred, picked at random among themselves;
  tier 1  shown before but never answered (skipped or abandoned): at random;
  tier 2  the last answer was correct: the one answered longest ago first (spaced repetition).

Training takes the first candidate by this order in SQL (storage/postgres/candidates_repo.py,
BEST_FIRST, the same rule); a simulation paper draws its N questions here by it, then sorts them by
difficulty.
"""
from __future__ import annotations

import random
from datetime import UTC, datetime
from typing import Protocol

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class Candidate(Protocol):
    question_id: int
    difficulty: int
    last_correct: bool | None
    last_answered_at: datetime | None
    times_served: int


def tier(candidate: Candidate) -> int:
    if candidate.times_served == 0 or candidate.last_correct is False:
        return 0
    if candidate.last_correct is None:
        return 1
    return 2


def _order_key(candidate: Candidate, rng: random.Random) -> tuple[int, datetime, float]:
    level = tier(candidate)
    answered = candidate.last_answered_at if level == 2 and candidate.last_answered_at else _EPOCH
    return level, answered, rng.random()


def pick_paper(candidates: list[Candidate], size: int, rng: random.Random) -> list[Candidate]:
    """The `size` best candidates by the rule above, easiest first, as on a real paper."""
    best = sorted(candidates, key=lambda c: _order_key(c, rng))[:size]
    return sorted(best, key=lambda c: (c.difficulty, c.question_id))
