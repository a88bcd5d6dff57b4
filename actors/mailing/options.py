"""Tunables of the mailing actor (the rate comes from APO_MAILING_RATE)."""
from __future__ import annotations

import os
import socket
import uuid

from pydantic import BaseModel, ConfigDict, Field


class MailingOptions(BaseModel):
    model_config = ConfigDict(frozen=True)

    rate: float = Field(25.0, gt=0, le=1000, description="messages per second, all mailings of this process")
    per_chat_interval: float = Field(1.0, ge=0, description="seconds between two messages to one chat")
    lease_seconds: float = Field(30.0, gt=0, description="a claimed recipient is ours for this long")
    scan_seconds: float = Field(5.0, gt=0, description="how often running mailings are looked for")
    send_timeout: float = Field(10.0, gt=0)
    preview_timeout: float = Field(4.0, gt=0)
    stop_grace: float = Field(3.0, ge=0, description="on stop, time for sends in flight to finish")
    workers: bool = Field(True, description="send running mailings from this process (previews are sent "
                                            "either way); off for processes that should only take commands")

    @property
    def claim_size(self) -> int:
        """About two seconds of sending per claim: small enough to share a mailing fairly."""
        return max(10, min(1000, int(self.rate * 2)))

    @property
    def group_size(self) -> int:
        """At most this many messages marked `sending` together (each group's mark commits before it goes)."""
        return max(1, min(50, int(self.rate * 0.05) + 1))

    @property
    def in_flight_limit(self) -> int:
        """At most this many sends await Telegram's answer at once: groups overlap while they do, so
        Telegram's latency does not slow sending down, up to a quarter of a second's worth (at least 8)."""
        return max(8, 2 * self.group_size, int(self.rate / 4))


def new_owner() -> str:
    """Identifies one running mailing actor in the lease columns."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
