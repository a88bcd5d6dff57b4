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
