"""The pace of a background loop that must be stoppable: wake it early, stop it cooperatively.

Not asyncio.timeout, and no cancel() to stop: on Python 3.11 a cancel that lands as a short timeout
fires can be taken for the timeout, and asyncio.wait_for (aiopg runs every query in one) can
return its result and drop the cancel. Either way the loop never ends (seen at a 20 ms period).

    ticker = Ticker(1.0)
    while await ticker.wait():   # every second, or at once after ticker.wake(); False after stop()
        ...
"""
from __future__ import annotations

import asyncio


class Ticker:
    def __init__(self, period: float) -> None:
        self.period = period
        self.stopped = False
        self._event = asyncio.Event()

    def wake(self) -> None:
        self._event.set()

    def stop(self) -> None:
        self.stopped = True
        self._event.set()

    async def wait(self, period: float | None = None) -> bool:
        """Until woken or `period` (default: the ticker's) passed; False once stopped."""
        if not self.stopped:
            timer = asyncio.get_running_loop().call_later(period or self.period, self._event.set)
            try:
                await self._event.wait()
            finally:
                timer.cancel()
            if not self.stopped:
                self._event.clear()
        return not self.stopped
