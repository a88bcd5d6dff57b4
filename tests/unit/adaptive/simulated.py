"""Synthetic students of known ability answering the seed bank in adaptive mode, in memory.

The bank is data/questions/*.json. Each question gets a hidden true rating: its seed (type and
difficulty) plus noise, so the model has to learn it. A student answers right with the true
probability (ability vs true rating, with the same guessing floor). The model side is exactly what
the adaptive actor runs: pick_adaptive to choose, rating.update to learn.
"""
from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from actors.adaptive.rating import (
    BASE,
    expected,
    guess_chance,
    seed_question,
    student_prior,
    update,
)
from actors.adaptive.selection import Option, pick_adaptive

BANK_DIR = Path(__file__).resolve().parents[3] / "data" / "questions"
TRUTH_NOISE = 100.0


@dataclass
class Question:
    id: int
    subject: str
    guess: float
    true_rating: float
    rating: float
    answers: int = 0


@dataclass
class Student:
    name: str
    ability: float
    ratings: dict[str, float] = field(default_factory=dict)
    answers: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    served: dict[int, datetime] = field(default_factory=dict)
    outcomes: list[int] = field(default_factory=list)

    def mean_rating(self) -> float:
        total = sum(self.answers.values())
        return sum(self.ratings.get(s, BASE) * n for s, n in self.answers.items()) / total


def load_bank(rng: random.Random) -> list[Question]:
    bank: list[Question] = []
    for path in sorted(BANK_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in data["questions"]:
            options = len(item.get("options", []))
            seed, _ = seed_question(item["type"], item["difficulty"], options, 0, 0)
            bank.append(Question(id=len(bank) + 1, subject=data["subject"]["code"],
                                 guess=guess_chance(item["type"], options),
                                 true_rating=seed + rng.gauss(0.0, TRUTH_NOISE), rating=seed))
    return bank


def answer_one(student: Student, bank: list[Question], now: datetime, rng: random.Random,
               adaptive: bool = True) -> None:
    """adaptive False: a question at random, as plain training mode would give it."""
    if adaptive:
        options = [Option(question_id=q.id, subject=q.subject, rating=q.rating, guess=q.guess,
                          last_served_at=student.served.get(q.id), times_served=int(q.id in student.served))
                   for q in bank]
        question = bank[pick_adaptive(options, student.ratings, now, rng).option.question_id - 1]
    else:
        question = rng.choice(bank)
    student.served[question.id] = now
    right = int(rng.random() < expected(student.ability, question.true_rating, question.guess))
    start = student.ratings.get(question.subject, student_prior(student.ratings.values()))
    moved = update(start, student.answers[question.subject],
                   question.rating, question.answers, question.guess, float(right))
    student.ratings[question.subject], question.rating = moved.student, moved.question
    student.answers[question.subject] += 1
    question.answers += 1
    student.outcomes.append(right)


def calibrate(bank: list[Question], students: int, answers_each: int, rng: random.Random) -> None:
    """Other students (abilities spread over the bank) in plain training mode: the questions' ratings
    learn from them first, as they would from the bank's earlier users."""
    now = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)
    crowd = [Student(name=f"c{i}", ability=rng.uniform(1000.0, 1900.0)) for i in range(students)]
    for _ in range(answers_each):
        for student in crowd:
            answer_one(student, bank, now, rng, adaptive=False)


def run(abilities: list[float], days: int, per_day: int, seed: int = 7, crowd: int = 0,
        crowd_answers: int = 60) -> tuple[list[Student], list[Question]]:
    """Each day every student answers `per_day` questions, the students taking turns a minute apart;
    `crowd` other students calibrate the questions first."""
    rng = random.Random(seed)
    bank = load_bank(rng)
    calibrate(bank, crowd, crowd_answers, rng)
    students = [Student(name=f"s{int(a)}", ability=a) for a in abilities]
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    for day in range(days):
        now = start + timedelta(days=day)
        for _ in range(per_day):
            for student in rng.sample(students, len(students)):
                answer_one(student, bank, now, rng)
                now += timedelta(minutes=1)
    return students, bank


def spearman(xs: list[float], ys: list[float]) -> float:
    def ranks(values: list[float]) -> list[float]:
        order = sorted(range(len(values)), key=values.__getitem__)
        result = [0.0] * len(values)
        for rank, index in enumerate(order):
            result[index] = float(rank)
        return result

    rx, ry = ranks(xs), ranks(ys)
    n = len(xs)
    return 1.0 - 6.0 * sum((a - b) ** 2 for a, b in zip(rx, ry, strict=True)) / (n * (n * n - 1))
