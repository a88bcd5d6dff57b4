"""The mistakes queue on FSRS (the `fsrs` package). Pure apart from FSRS's optional fuzz.

A wrong answer opens a review card for (user, question), and so does a right one that took very
long ("hard"); a quick right answer to a question without a card opens nothing. Once a card
exists, every answer to its question is a review: wrong -> Again, slow -> Hard, otherwise Good,
and FSRS grows the interval with each success. New and forgotten cards go through FSRS's own
short steps (1 and 10 minutes; 10 minutes after a lapse), so a mistake is tried again the same
day, minutes later, before its interval grows to days.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, Scheduler, State

# Seconds after which a right answer counts as "hard", by question type.
SLOW_AFTER_MS = {"yes_no": 60_000, "one": 120_000, "multiple": 180_000, "open": 300_000}
LEARNING_STEPS = (timedelta(minutes=1), timedelta(minutes=10))  # the fsrs package's defaults
RELEARNING_STEPS = (timedelta(minutes=10),)
MAX_INTERVAL_DAYS = 365
OPENING = (Rating.Again, Rating.Hard)


@dataclass(frozen=True)
class CardState:
    state: int                      # fsrs.State: 1 learning, 2 review, 3 relearning
    step: int | None
    stability: float | None
    difficulty: float | None
    due_at: datetime
    last_review_at: datetime | None
    reviews: int = 0
    lapses: int = 0


def grade_answer(correct: bool, elapsed_ms: int | None, question_type: str) -> Rating:
    """How well the question was known: wrong -> Again, right but very slow -> Hard, else Good."""
    if not correct:
        return Rating.Again
    if elapsed_ms is not None and elapsed_ms >= SLOW_AFTER_MS.get(question_type, 120_000):
        return Rating.Hard
    return Rating.Good


class MistakesScheduler:
    def __init__(self, *, fuzz: bool = True, desired_retention: float = 0.9) -> None:
        self._fsrs = Scheduler(desired_retention=desired_retention, learning_steps=LEARNING_STEPS,
                               relearning_steps=RELEARNING_STEPS, maximum_interval=MAX_INTERVAL_DAYS,
                               enable_fuzzing=fuzz)

    def review(self, card: CardState | None, grade: Rating, at: datetime,
               elapsed_ms: int | None = None) -> CardState | None:
        """The card after this answer; None when there is no card and the answer opens none."""
        if card is None and grade not in OPENING:
            return None
        at = at.astimezone(UTC)
        before = _to_fsrs(card) if card is not None else Card(card_id=1, due=at)
        after, _ = self._fsrs.review_card(before, grade, at, elapsed_ms)
        lapsed = card is not None and card.state == State.Review and grade == Rating.Again
        return CardState(state=int(after.state), step=after.step, stability=after.stability,
                         difficulty=after.difficulty, due_at=after.due, last_review_at=after.last_review,
                         reviews=(card.reviews if card else 0) + 1, lapses=(card.lapses if card else 0) + lapsed)

    def retrievability(self, card: CardState, at: datetime) -> float:
        """Predicted chance of recalling the answer now (0 for a card never reviewed)."""
        return self._fsrs.get_card_retrievability(_to_fsrs(card), at.astimezone(UTC))


def _to_fsrs(card: CardState) -> Card:
    last = card.last_review_at.astimezone(UTC) if card.last_review_at else None
    return Card(card_id=1, state=State(card.state), step=card.step, stability=card.stability,
                difficulty=card.difficulty, due=card.due_at.astimezone(UTC), last_review=last)


def interval(card: CardState) -> timedelta:
    """How far the card's due date is from its last review."""
    return card.due_at - (card.last_review_at or card.due_at)


__all__ = ["CardState", "MistakesScheduler", "Rating", "grade_answer", "interval"]
