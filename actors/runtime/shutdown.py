"""Graceful stop in two steps: drain (process what is queued), then end each shard's task."""
from __future__ import annotations

import asyncio

from loguru import logger

from actors.runtime.envelope import STOP
from actors.runtime.shard import Shard

STOP_GRACE_SECONDS = 0.5  # on_stop closes pools: it gets at least this even after a drain timeout


async def drain(shards: list[Shard], timeout: float) -> bool:
    """True when every mailbox emptied in time. Actors may still send to each other meanwhile."""
    try:
        async with asyncio.timeout(timeout):
            await _quiesce(shards)
    except TimeoutError:
        logger.warning("mailboxes not drained within {} s; stopping anyway", timeout)
        return False
    return True


async def _quiesce(shards: list[Shard]) -> None:
    """Until every mailbox is empty and no handler runs, checked in one pass without awaiting.

    One pass is not enough: an actor draining late may still send to one drained earlier.
    """
    while True:
        for shard in shards:
            await shard.mailbox.queue.join()
        if all(shard.mailbox.queue.empty() and not shard.busy for shard in shards):
            return


async def end_tasks(shards: list[Shard], deadline: float) -> None:
    """STOP to idle shards (their loop runs on_stop), cancel stuck ones; fail whatever is left."""
    loop = asyncio.get_running_loop()
    for shard in shards:
        if shard.task is None or shard.task.done():
            continue
        if shard.busy or not shard.mailbox.queue.empty():
            shard.task.cancel()  # still busy after the drain timeout: stuck, do not wait more
        else:
            shard.mailbox.queue.put_nowait(STOP)
    tasks = [s.task for s in shards if s.task is not None and not s.task.done()]
    if tasks:
        _, late = await asyncio.wait(tasks, timeout=max(deadline - loop.time(), STOP_GRACE_SECONDS))
        for task in late:
            task.cancel()
        if late:
            await asyncio.wait(late)
    for shard in shards:
        shard.mailbox.close("stopped")
