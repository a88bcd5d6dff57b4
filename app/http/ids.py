"""Row ids are PostgreSQL bigints: a larger number names nothing, and the edges say so (422 on HTTP,
the outdated-button answer in the bot) before it reaches a statement that would refuse it as out of
range."""
from __future__ import annotations

from typing import Annotated

from pydantic import Field

MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
IdOrZero = Annotated[int, Field(ge=0, le=MAX_ID)]  # 0: none (the bot's buttons: no session yet, no mailing)
