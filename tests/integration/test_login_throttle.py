"""Login throttling on a real PostgreSQL: every instance counts the same failures (two throttles
here stand for two processes), concurrent guesses see each other, keys are stored hashed, a right
password takes back only its own attempt and makes its address known to the account."""
from __future__ import annotations

import asyncio

import pytest

from actors.auth.registration_throttle import RegistrationThrottle
from actors.auth.throttle import LoginThrottle
from actors.errors import RateLimited


async def test_the_account_limit_adds_up_across_instances(database):
    api, bot = LoginThrottle(database), LoginThrottle(database)
    for i in range(10):
        await (api if i % 2 else bot).begin("anya@example.org", f"10.0.0.{i}")
    with pytest.raises(RateLimited) as refused:
        await api.begin("anya@example.org", "10.0.1.1")  # a new address: the account is under attack
    assert 15 * 60 - 5 < refused.value.retry_after <= 15 * 60
    await bot.begin("tom@example.org", "10.0.1.1")  # another account is not


async def test_concurrent_guesses_on_two_instances_never_exceed_the_account_limit(database):
    api, bot = LoginThrottle(database), LoginThrottle(database)

    async def guess(i: int) -> bool:
        try:
            await (api, bot)[i % 2].begin("anya@example.org", f"10.1.0.{i}")
            return True
        except RateLimited:
            return False

    admitted = await asyncio.gather(*(guess(i) for i in range(40)))
    assert sum(admitted) == 10


async def test_a_known_address_passes_an_attacked_account_and_success_takes_back_only_its_attempt(database):
    throttle = LoginThrottle(database)
    attempt = await throttle.begin("anya@example.org", "10.0.0.99")
    await throttle.succeeded(attempt, "anya@example.org", "10.0.0.99")
    for i in range(12):
        try:
            await throttle.begin("anya@example.org", f"10.2.0.{i}")
        except RateLimited:
            pass
    attempt = await throttle.begin("anya@example.org", "10.0.0.99")  # the owner's address
    await throttle.succeeded(attempt, "anya@example.org", "10.0.0.99")
    async with database.autocommit() as tx:
        assert await tx.fetchval("SELECT count(*) FROM login_failures") == 10  # the guesses stay


async def test_the_tables_hold_no_email_or_address_and_old_failures_leave_the_window(database):
    throttle = LoginThrottle(database)
    for _ in range(3):
        await throttle.begin("anya@example.org", "10.0.0.1")
    with pytest.raises(RateLimited):
        await throttle.begin("anya@example.org", "10.0.0.1")
    async with database.transaction() as tx:
        stored = await tx.fetchall("SELECT account_key::text || address_key::text AS keys FROM login_failures")
        assert len(stored) == 3 and not any("anya" in r["keys"] or "10.0.0.1" in r["keys"] for r in stored)
        await tx.execute("UPDATE login_failures SET failed_at = failed_at - interval '901 seconds'")
    await throttle.begin("anya@example.org", "10.0.0.1")


async def test_registrations_are_limited_per_address(database):
    throttle = RegistrationThrottle(database, per_address=3)
    for _ in range(3):
        await throttle.admit("10.0.0.5")
    with pytest.raises(RateLimited) as refused:
        await throttle.admit("10.0.0.5")
    assert 3590 < refused.value.retry_after <= 3600
    await throttle.admit("10.0.0.6")
