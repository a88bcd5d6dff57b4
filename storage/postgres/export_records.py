"""One record type per export: the field order is the column order, the title the header."""
from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class _Row(BaseModel):
    model_config = ConfigDict(frozen=True)


class UserRow(_Row):
    id: int = Field(title="User id")
    telegram_id: int | None = Field(title="Telegram id")
    email: str | None = Field(title="Email")
    display_name: str = Field(title="Name")
    grade: str | None = Field(title="Grade")
    locale: str = Field(title="Language")
    is_admin: bool = Field(title="Admin")
    bot_blocked: bool = Field(title="Blocked the bot")
    created_at: datetime = Field(title="Registered (UTC)")
    attempts: int = Field(title="Attempts")
    last_attempt_at: datetime | None = Field(title="Last attempt (UTC)")


class AttemptRow(_Row):
    id: int = Field(title="Attempt id")
    created_at: datetime = Field(title="Answered (UTC)")
    user_id: int = Field(title="User id")
    display_name: str = Field(title="Name")
    subject: str = Field(title="Subject")
    theme: str = Field(title="Theme")
    question: str = Field(title="Question")
    correct: bool = Field(title="Correct")
    score: float = Field(title="Score (0..1)")
    points: float = Field(title="Points")
    max_points: int = Field(title="Max points")
    elapsed_ms: int | None = Field(title="Time (ms)")
    channel: str = Field(title="Channel")
    mode: str = Field(title="Mode")
    answer: str = Field(title="Answer")


class StatisticsRow(_Row):
    user_id: int = Field(title="User id")
    display_name: str = Field(title="Name")
    grade: str | None = Field(title="Grade")
    subject: str = Field(title="Subject")
    attempts: int = Field(title="Attempts")
    correct: int = Field(title="Correct")
    accuracy: float = Field(title="Accuracy (correct / attempts)")
    average_score: float = Field(title="Average score (0..1)")
    points: float = Field(title="Points")
    max_points: int = Field(title="Max points")
    first_at: datetime = Field(title="First attempt (UTC)")
    last_at: datetime = Field(title="Last attempt (UTC)")


class QuestionRow(_Row):
    id: int = Field(title="Question id")
    external_id: str = Field(title="External id")
    subject: str = Field(title="Subject")
    theme: str = Field(title="Theme")
    type: str = Field(title="Type")
    difficulty: int = Field(title="Difficulty")
    points: int = Field(title="Points")
    text: str = Field(title="Text")
    attempts_count: int = Field(title="Attempts")
    correct_count: int = Field(title="Correct")
    open_reports: int = Field(title="Open reports")
    updated_at: datetime = Field(title="Updated (UTC)")


class MailingResultRow(_Row):
    user_id: int = Field(title="User id")
    display_name: str | None = Field(title="Name")
    chat_id: int = Field(title="Telegram chat")
    state: str = Field(title="State")
    error: str | None = Field(title="Error")
    attempted_at: datetime | None = Field(title="Attempted (UTC)")
