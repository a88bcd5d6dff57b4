"""The selection rule: unseen and previously-wrong first, then skipped, then correct ones oldest first
(training applies it in SQL: tests/integration/training/test_training_flow.py)."""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from actors.training.selection import pick_paper, tier

NOW = datetime(2026, 3, 1, tzinfo=UTC)


@dataclass
class C:
    question_id: int
    last_correct: bool | None = None
    times_served: int = 0
    last_answered_at: datetime | None = None
    difficulty: int = 3


def unseen(qid: int, difficulty: int = 3) -> C:
    return C(qid, difficulty=difficulty)


def wrong(qid: int) -> C:
    return C(qid, last_correct=False, times_served=1, last_answered_at=NOW)


def skipped(qid: int) -> C:
    return C(qid, last_correct=None, times_served=2)


def right(qid: int, days_ago: int = 1) -> C:
    return C(qid, last_correct=True, times_served=1, last_answered_at=NOW - timedelta(days=days_ago))


def test_tiers():
    assert [tier(c) for c in (unseen(1), wrong(2), skipped(3), right(4))] == [0, 0, 1, 2]


def test_a_paper_takes_the_preferred_questions_and_orders_them_easiest_first():
    candidates = [right(1), unseen(2, difficulty=4), unseen(3, difficulty=1), wrong(4), skipped(5)]
    paper = pick_paper(candidates, 3, random.Random(2))
    assert {c.question_id for c in paper} == {2, 3, 4}
    assert [c.difficulty for c in paper] == sorted(c.difficulty for c in paper)
