"""Row ids are PostgreSQL bigints: a larger number names nothing, and the edges say so (422)
before it reaches a statement that would refuse it as out of range."""
from __future__ import annotations

MAX_ID = 2**63 - 1
