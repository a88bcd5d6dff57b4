"""The global token bucket (with 429 pauses) and the per-chat spacing, on a simulated clock."""
from __future__ import annotations

import pytest

from actors.mailing.pacing import ChatPacer, RateLimiter


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


async def send_for(limiter: RateLimiter, clock: FakeTime, seconds: float, group: int = 1) -> list[float]:
    """Moments of every send a greedy sender makes within `seconds`."""
    moments: list[float] = []
    end = clock.now + seconds
    while clock.now < end:
        taken = await limiter.take(group)
        moments += [clock.now] * taken
    return moments


@pytest.mark.parametrize(("rate", "group"), [(25, 1), (25, 10), (200, 1), (200, 50)])
async def test_no_one_second_window_has_more_than_rate_plus_a_small_burst(rate, group):
    clock = FakeTime()
    limiter = RateLimiter(rate, clock=clock.clock, sleep=clock.sleep)
    moments = await send_for(limiter, clock, 10.0, group)
    assert len(moments) >= rate * 10 * 0.98
    worst = max(sum(1 for m in moments if start <= m < start + 1.0) for start in moments)
    assert worst <= rate + limiter.burst


async def test_a_pause_stops_everyone_and_earns_no_burst():
    clock = FakeTime()
    limiter = RateLimiter(25, clock=clock.clock, sleep=clock.sleep)
    await limiter.take(1)
    limiter.pause(3.0)
    assert limiter.paused_for == pytest.approx(3.0)
    start = clock.now
    assert await limiter.take(100) == 1  # after the pause: one token, not three seconds' worth
    assert clock.now - start >= 3.0
    limiter.pause(1.0)
    limiter.pause(0.5)  # a shorter pause never shortens a longer one
    assert limiter.paused_for == pytest.approx(1.0)


async def test_tokens_given_back_are_used_next():
    clock = FakeTime()
    limiter = RateLimiter(100, clock=clock.clock, sleep=clock.sleep)
    clock.now += 1.0
    taken = await limiter.take(50)
    assert taken == limiter.burst == 5
    limiter.give_back(3)
    assert await limiter.take(50) == 3 and clock.slept == []


def test_a_rate_must_be_positive():
    with pytest.raises(ValueError):
        RateLimiter(0)


def test_one_message_per_chat_per_second_and_old_chats_are_forgotten():
    clock = FakeTime()
    pacer = ChatPacer(1.0, clock=clock.clock)
    assert pacer.wait_for(7) == 0
    pacer.record(7)
    clock.now += 0.25
    assert pacer.wait_for(7) == pytest.approx(0.75) and pacer.wait_for(8) == 0
    for chat in range(100, 200):
        pacer.record(chat)
    clock.now += 1.0
    pacer.record(1)
    assert len(pacer) == 1 and pacer.wait_for(7) == 0


async def test_asking_for_half_a_burst_at_a_time_waits_for_it_and_never_takes_more_than_wanted():
    clock = FakeTime()
    limiter = RateLimiter(100, clock=clock.clock, sleep=clock.sleep)  # a burst of 5
    assert await limiter.take(10, at_least=3) == 3  # a fresh bucket holds one token: it waits for two more
    assert sum(clock.slept) == pytest.approx(0.02)
    clock.now += 1.0
    assert await limiter.take(2, at_least=3) == 2  # never more than wanted
    clock.slept.clear()
    assert await limiter.take(10, at_least=50) == 5  # waits for a full bucket at most, not forever
    assert sum(clock.slept) == pytest.approx(0.02)


@pytest.mark.parametrize("cost", [0.0, 0.01, 0.024])
async def test_a_sender_that_spends_time_between_takes_loses_no_rate_while_that_fits_in_the_burst(cost):
    """A mailing worker writes its `sending` mark between two takes; at 400/s the burst is 20 and it
    takes 10 at a time, so up to 25 ms per write costs no sending time and the cap still holds."""
    clock = FakeTime()
    limiter = RateLimiter(400, clock=clock.clock, sleep=clock.sleep)
    moments: list[float] = []
    end = clock.now + 10.0
    while clock.now < end:
        taken = await limiter.take(21, at_least=int(limiter.burst / 2))
        moments += [clock.now] * taken
        clock.now += cost
    assert len(moments) >= 400 * 10 * 0.99
    worst = max(sum(1 for m in moments if start <= m < start + 1.0) for start in moments[::50])
    assert worst <= 400 + limiter.burst

