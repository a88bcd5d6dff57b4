"""Records -> the views the edges get."""
from __future__ import annotations

from datetime import UTC, datetime

from actors.mailing.messages import MailingProgress, MailingView
from storage.postgres.mailing_repo import MailingRecord

RATE_WINDOW_SECONDS = 5.0


def to_view(record: MailingRecord, audience: int | None = None) -> MailingView:
    return MailingView.model_validate({**record.model_dump(), "audience": audience})


def to_progress(record: MailingRecord, recent_attempts: int) -> MailingProgress:
    done = record.sent + record.failed + record.blocked + record.interrupted
    window = RATE_WINDOW_SECONDS
    if record.started_at is not None:
        window = min(window, max(0.5, (datetime.now(UTC) - record.started_at).total_seconds()))
    if record.status == "running":
        rate = recent_attempts / window
    elif record.status in ("finished", "cancelled") and record.started_at and record.finished_at and done:
        # Over: the average of the whole mailing (pauses included), not the idle last seconds.
        rate = done / max(1.0, (record.finished_at - record.started_at).total_seconds())
    else:  # a draft or a paused mailing sends nothing now
        rate = 0.0
    return MailingProgress(id=record.id, status=record.status, total=record.total, sent=record.sent,
                           failed=record.failed, blocked=record.blocked, interrupted=record.interrupted,
                           pending=max(0, record.total - done), rate=round(rate, 1))
