"""One-for-one supervision as in OTP: restart a crashed shard with backoff, within a budget."""
from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass
from time import monotonic
from typing import TYPE_CHECKING

from loguru import logger

from actors.runtime.trace import CURRENT_ACTOR

if TYPE_CHECKING:
    from actors.runtime.shard import Shard


@dataclass(frozen=True)
class SupervisorPolicy:
    max_restarts: int = 5  # restarts allowed within the window before the actor is given up
    within_seconds: float = 60.0
    backoff_initial: float = 0.05  # first restart delay; doubles per recent restart
    backoff_max: float = 2.0


class RestartBudget:
    """Counts recent restarts; answers the next delay, or None when the budget is spent."""

    def __init__(self, policy: SupervisorPolicy) -> None:
        self.policy = policy
        self.recent: deque[float] = deque()

    def next_delay(self, now: float) -> float | None:
        window_start = now - self.policy.within_seconds
        while self.recent and self.recent[0] < window_start:
            self.recent.popleft()
        if len(self.recent) >= self.policy.max_restarts:
            return None
        delay = min(self.policy.backoff_max, self.policy.backoff_initial * (2 ** len(self.recent)))
        self.recent.append(now)
        return delay


async def supervise(shard: Shard, policy: SupervisorPolicy) -> None:
    """The task behind one shard: runs it, restarts it after a crash, gives up when the budget is spent."""
    CURRENT_ACTOR.set(shard.name)
    budget = RestartBudget(policy)
    log = logger.bind(actor=shard.name)
    while True:
        try:
            await shard.run_once()
            return  # reached STOP: a graceful stop
        except asyncio.CancelledError as cancelled:
            task = asyncio.current_task()
            if task is not None and task.cancelling():
                raise  # the system is stopping us
            error: BaseException = cancelled  # a handler leaked a CancelledError: treat as a crash
        except Exception as crash:  # noqa: BLE001 - every crash goes to the restart policy
            error = crash
        delay = budget.next_delay(monotonic())
        if delay is None:
            log.opt(exception=error).error(
                "{} crashed and spent its restart budget ({} in {} s): giving up, marked unhealthy",
                shard.name, policy.max_restarts, policy.within_seconds)
            shard.healthy = False
            shard.mailbox.close("unhealthy (restart budget spent)")
            shard.ready.set()
            return
        shard.metrics.restarts += 1
        log.opt(exception=error).warning("{} crashed, restarting in {:.3f} s", shard.name, delay)
        await asyncio.sleep(delay)
