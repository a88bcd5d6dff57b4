"""Login throttling on a real PostgreSQL: every instance counts the same failures (two throttles here
stand for two processes), keys are stored hashed, a right password clears only its account."""
from __future__ import annotations

from actors.auth.throttle import LoginThrottle


async def test_failures_from_two_instances_add_up_per_account(database):
    api, bot = (LoginThrottle(database, per_account=3, per_address=100) for _ in range(2))
    for throttle in (api, bot, api):
        assert await throttle.retry_after("anya@example.org", "10.0.0.1") == 0
        await throttle.failed("anya@example.org", "10.0.0.1")
    wait = await bot.retry_after("anya@example.org", "10.0.0.2")  # another address: the account is locked
    assert 15 * 60 - 5 < wait <= 15 * 60
    assert await api.retry_after("tom@example.org", "10.0.0.1") == 0  # another account is not


async def test_an_address_is_throttled_across_accounts_and_a_right_password_clears_only_the_account(database):
    throttle = LoginThrottle(database, per_account=2, per_address=3)
    await throttle.failed("a@example.org", "10.0.0.9")
    await throttle.failed("b@example.org", "10.0.0.9")
    assert await throttle.retry_after("c@example.org", "10.0.0.9") == 0
    await throttle.failed("c@example.org", "10.0.0.9")
    assert await throttle.retry_after("d@example.org", "10.0.0.9") > 0  # the address made 3 failures
    await throttle.failed("a@example.org", "10.0.0.8")
    assert await throttle.retry_after("a@example.org", "10.0.0.7") > 0
    await throttle.succeeded("a@example.org")
    assert await throttle.retry_after("a@example.org", "10.0.0.7") == 0
    assert await throttle.retry_after("a@example.org", "10.0.0.9") > 0  # the address's count stays


async def test_the_table_holds_no_email_or_address_and_old_failures_leave_the_window(database):
    throttle = LoginThrottle(database, window=60, per_account=1)
    await throttle.failed("anya@example.org", "10.0.0.1")
    async with database.transaction() as tx:
        stored = await tx.fetchall("SELECT key::text AS key FROM login_failures")
        assert len(stored) == 2 and not any("anya" in r["key"] or "10.0.0.1" in r["key"] for r in stored)
        await tx.execute("UPDATE login_failures SET failed_at = failed_at - interval '61 seconds'")
    assert await throttle.retry_after("anya@example.org", "10.0.0.1") == 0
    async with database.autocommit() as tx:
        assert await throttle._repo.prune(tx, 60) == 2
