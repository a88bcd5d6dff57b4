"""What can go wrong in adaptive mode and the mistakes queue."""
from __future__ import annotations

from datetime import datetime

from actors.errors import NotFound


class NoReviewsDue(NotFound):
    """No mistakes are due for review right now."""
    code = "no_reviews_due"

    def __init__(self, next_due_at: datetime | None = None) -> None:
        detail = "No mistakes are due for review right now"
        if next_due_at is not None:
            detail += f"; the next one is due at {next_due_at.isoformat(timespec='minutes')}"
        super().__init__(detail + ".")
        self.next_due_at = next_due_at
