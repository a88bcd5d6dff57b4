"""Records -> events, so every place that publishes builds them the same way."""
from __future__ import annotations

from datetime import UTC

from actors.training.messages import AnswerSubmitted, Mode, QuestionServed
from storage.postgres.attempts_repo import AttemptRecord
from storage.postgres.questions_repo import QuestionRecord
from storage.postgres.training_repo import ServedRecord


def answer_submitted(attempt: AttemptRecord, question: QuestionRecord) -> AnswerSubmitted:
    return AnswerSubmitted(
        attempt_id=attempt.id, user_id=attempt.user_id, question_id=question.id, subject=question.subject,
        theme=question.theme, source_id=question.source_id, question_type=question.type,
        correct=attempt.correct, score=attempt.score, points=attempt.points, max_points=attempt.max_points,
        elapsed_ms=attempt.elapsed_ms, answered_at=attempt.created_at.astimezone(UTC),
        channel=attempt.channel, mode=attempt.mode)


def question_served(question: QuestionRecord, served: ServedRecord, mode: Mode) -> QuestionServed:
    """Also built in SQL by the next-question statement (storage/postgres/candidates_repo.py)."""
    return QuestionServed(
        served_id=served.id, user_id=served.user_id, question_id=question.id, subject=question.subject,
        session_id=served.session_id, simulation_id=served.simulation_id, channel=served.channel,
        mode=mode, served_at=served.served_at.astimezone(UTC))
