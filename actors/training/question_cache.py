"""Questions by id for grading and rendering, kept in memory for a short while.

Every next question and every answer needs its question; reading it from PostgreSQL each time was
two of the round trips of a training loop. The bank changes only by imports: this process's import
clears the cache (the training actor handles QuestionsImported), another instance's import shows
here within TTL_SECONDS. The record's counters (attempts_count, correct_count) may lag; training
does not read them.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from time import monotonic

from storage.postgres.questions_repo import QuestionRecord, QuestionsRepository
from storage.postgres.tx import Tx

TTL_SECONDS = 60.0
MAX_ENTRIES = 20_000


class QuestionCache:
    def __init__(self, *, ttl: float = TTL_SECONDS, max_entries: int = MAX_ENTRIES,
                 clock: Callable[[], float] = monotonic) -> None:
        self._ttl, self._max, self._clock = ttl, max_entries, clock
        self._entries: OrderedDict[int, tuple[float, QuestionRecord]] = OrderedDict()
        self._repository = QuestionsRepository()

    async def get(self, tx: Tx, question_id: int) -> QuestionRecord | None:
        entry = self._entries.get(question_id)
        now = self._clock()
        if entry is not None and entry[0] > now:
            self._entries.move_to_end(question_id)
            return entry[1]
        question = await self._repository.get(tx, question_id)
        if question is not None:  # a missing id is not remembered: an import may add it any moment
            self._entries[question_id] = (now + self._ttl, question)
            self._entries.move_to_end(question_id)
            if len(self._entries) > self._max:
                self._entries.popitem(last=False)
        return question

    def clear(self) -> None:
        self._entries.clear()
