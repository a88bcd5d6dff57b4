"""Counters shared by the analytics actor, its sender and the sinks; they survive actor restarts."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Counters:
    sent: int = 0
    spooled: int = 0
    replayed: int = 0
    dropped: int = 0
    already_stored: int = 0
    last_error: str | None = None
    intake_seen: int = 0  # how many of the sinks' drops are already in `dropped`

    def absorb_intake_drops(self, intake_dropped: int) -> int:
        """Adds the sinks' new drops to `dropped`; returns how many were new (the caller logs them)."""
        new = intake_dropped - self.intake_seen
        if new <= 0:
            return 0
        self.intake_seen = intake_dropped
        self.dropped += new
        return new
