"""The login throttle's numbers (actors/auth/throttle_rule.py; README: Security)."""
from __future__ import annotations

from actors.auth.throttle_rule import WINDOW_SECONDS, Observed, pair_delay, retry_after


def seen(pair=(), account=None, address_failures=None, known=False) -> Observed:
    pair = tuple(pair)
    return Observed(pair=pair, account=tuple(pair if account is None else account),
                    address_failures=len(pair) if address_failures is None else address_failures,
                    known_address=known)


def test_two_failures_are_free_then_the_delay_doubles():
    assert [pair_delay(n) for n in range(1, 11)] == [0, 0, 2, 4, 8, 16, 32, 64, 128, 256]
    assert retry_after(seen(pair=[0.0, 1.0])) == 0
    assert retry_after(seen(pair=[0.5, 1.0, 2.0])) == 1.5  # 2 s after the third failure
    assert retry_after(seen(pair=[3.0, 4.0, 5.0])) == 0


def test_ten_failures_of_a_pair_wait_for_the_window():
    ages = [float(i) for i in range(10)]
    assert retry_after(seen(pair=ages, known=True)) == WINDOW_SECONDS - 9


def test_an_account_refuses_unknown_addresses_after_ten_failures_from_anywhere():
    attack = [float(i) for i in range(10)]
    assert retry_after(seen(account=attack, address_failures=0)) == WINDOW_SECONDS - 9
    assert retry_after(seen(account=attack[:9], address_failures=0)) == 0
    # The owner's address (it logged in or registered before) keeps only its own pair's delay.
    assert retry_after(seen(account=attack, address_failures=0, known=True)) == 0


def test_failures_on_other_accounts_lengthen_each_pair_delay_but_never_a_first_try():
    assert retry_after(seen(pair=(), account=(), address_failures=500)) == 0
    assert retry_after(seen(pair=[0.0], account=[0.0], address_failures=1)) == 0
    # 1 own failure + 20 elsewhere = 3 steps: a 2 s delay.
    assert retry_after(seen(pair=[0.0], account=[0.0], address_failures=21)) == 2.0


def test_a_guesser_gets_at_most_ten_tries_per_window_from_any_number_of_addresses():
    """Simulated: a guess per second from a new address each time, for one window."""
    failures: list[float] = []  # times of the account's failures
    tries = 0
    for now in range(WINDOW_SECONDS):
        ages = tuple(sorted((now - t for t in failures if now - t < WINDOW_SECONDS)))
        if retry_after(Observed(pair=(), account=ages, address_failures=0, known_address=False)) == 0:
            tries += 1
            failures.append(float(now))
    assert tries == 10
