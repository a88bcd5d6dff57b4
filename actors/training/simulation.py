"""Simulation rules that need no database: the deadline, the verdicts and the per-theme debrief.

- The deadline is the server's: an answer is refused once now > deadline + grace (the grace, a few
  seconds, absorbs network latency, never a whole question's worth of time).
- A paper is scored by points: each answered question is graded like in training (partial credit
  for multiple choice included); an unanswered question earns 0 and records no attempt.
- The debrief groups the verdicts by theme, weakest share of points first.
"""
from __future__ import annotations

import math
from collections import defaultdict
from datetime import datetime, timedelta

from actors.training.render import correct_answer_text
from actors.training.views import ItemVerdict, SimulationResult, ThemeDebrief
from storage.postgres.attempts_repo import AttemptRecord
from storage.postgres.questions_repo import QuestionRecord
from storage.postgres.simulations_repo import PaperItem, SimulationRecord


def past_deadline(deadline: datetime, now: datetime, grace: timedelta) -> bool:
    return now > deadline + grace


def seconds_left(deadline: datetime, now: datetime) -> int:
    return max(0, math.ceil((deadline - now).total_seconds()))


def item_verdict(item: PaperItem, question: QuestionRecord, attempt: AttemptRecord | None) -> ItemVerdict:
    return ItemVerdict(
        position=item.position, served_id=item.served_id, question_id=question.id, theme=question.theme,
        answer=attempt.answer if attempt else None, correct=attempt.correct if attempt else False,
        score=attempt.score if attempt else 0.0, points=attempt.points if attempt else 0.0,
        max_points=question.points, correct_answer=question.correct_answer,
        correct_answer_text=correct_answer_text(question), explanation=question.explanation)


def debrief(verdicts: list[ItemVerdict]) -> tuple[ThemeDebrief, ...]:
    groups: dict[str, list[ItemVerdict]] = defaultdict(list)
    for verdict in verdicts:
        groups[verdict.theme].append(verdict)
    themes = [ThemeDebrief(theme=theme, questions=len(items), correct=sum(v.correct for v in items),
                           points=round(sum(v.points for v in items), 2),
                           max_points=sum(v.max_points for v in items))
              for theme, items in groups.items()]
    return tuple(sorted(themes, key=lambda t: (t.points / t.max_points if t.max_points else 0, t.theme)))


def build_result(simulation: SimulationRecord, items: list[PaperItem], questions: dict[int, QuestionRecord],
                 attempts: dict[int, AttemptRecord]) -> SimulationResult:
    """The result of a finished paper, rebuilt from its attempts (so asking twice gives the same)."""
    verdicts = [item_verdict(item, questions[item.question_id], attempts.get(item.served_id)) for item in items]
    return SimulationResult(
        simulation_id=simulation.id, points=round(sum(v.points for v in verdicts), 2),
        max_points=simulation.max_score, correct=sum(v.correct for v in verdicts),
        answered=sum(1 for item in items if item.served_id in attempts), size=simulation.size,
        timed_out=simulation.timed_out, finished_at=simulation.finished_at, items=tuple(verdicts),
        themes=debrief(verdicts))
