"""Question rows -> ratings: the stored rating, or the seed for a question nobody rated yet."""
from __future__ import annotations

from actors.adaptive.rating import guess_chance, seed_question
from actors.adaptive.selection import Option
from storage.postgres.ratings_repo import CandidateRow, QuestionRow, Rated


def current_rating(row: QuestionRow, *, counted_answer: bool | None = None) -> Rated:
    """The question's rating. counted_answer: the answer being applied, already in the bank's
    counters (they are bumped with the attempt), which the seed must not count twice."""
    if row.rating is not None:
        return Rated(rating=row.rating, answers=row.rating_answers)
    attempts, correct = row.attempts_count, row.correct_count
    if counted_answer is not None:
        attempts, correct = attempts - 1, correct - int(counted_answer)
    rating, answers = seed_question(row.type, row.difficulty, row.options, attempts, correct)
    return Rated(rating=rating, answers=answers)


def guess_of(row: QuestionRow) -> float:
    return guess_chance(row.type, row.options)


def option_of(row: CandidateRow) -> Option:
    return Option(question_id=row.question_id, subject=row.subject, rating=current_rating(row).rating,
                  guess=guess_of(row), last_served_at=row.last_served_at, times_served=row.times_served)
