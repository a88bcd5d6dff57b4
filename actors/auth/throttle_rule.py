"""The login throttle's rule, in numbers (README: Security). Pure: the counts come from throttle.py.

- One (account, address) pair: two failures are free; from the third on, the next try waits a delay
  that doubles (2 s, 4 s, … 128 s after the 9th); after 10 failures in the window it waits until the
  oldest of them leaves the window. Every 10 failures the address made on *other* accounts in the
  window count as one more failure of each of its pairs, so an address that sprays many accounts
  slows down on each.
- One account: after 10 failures in the window from anywhere, an address that has never logged in
  to that account waits until the oldest of those failures leaves the window. An address that has
  logged in to it before (or registered it) keeps only its pair's delay: the owner is not locked
  out by someone else's guesses.
- Nothing else waits: a right password from an address without failures on that account passes,
  and correct logins never count, however many share one address (a school behind one NAT).
"""
from __future__ import annotations

from dataclasses import dataclass

WINDOW_SECONDS = 15 * 60
PAIR_FREE_FAILURES = 2
PAIR_MAX_FAILURES = 10
ACCOUNT_MAX_FAILURES = 10
ADDRESS_FAILURES_PER_STEP = 10


@dataclass(frozen=True)
class Observed:
    """Ages in seconds (newest first) of the failures within the window."""
    pair: tuple[float, ...]
    account: tuple[float, ...]
    address_failures: int  # on every account, this pair's included
    known_address: bool  # this address logged in to (or registered) this account before


def pair_delay(failures: int) -> float:
    """Seconds a pair waits after its latest failure, given its failures (address steps included)."""
    if failures <= PAIR_FREE_FAILURES:
        return 0.0
    return min(2.0 ** (failures - PAIR_FREE_FAILURES), float(WINDOW_SECONDS))


def retry_after(seen: Observed) -> float:
    """Seconds until this address may try this account again; 0 when it may try now."""
    wait = 0.0
    failures = len(seen.pair)
    if failures >= PAIR_MAX_FAILURES:
        wait = WINDOW_SECONDS - seen.pair[PAIR_MAX_FAILURES - 1]
    elif failures:
        elsewhere = max(0, seen.address_failures - failures)
        wait = pair_delay(failures + elsewhere // ADDRESS_FAILURES_PER_STEP) - seen.pair[0]
    if not seen.known_address and len(seen.account) >= ACCOUNT_MAX_FAILURES:
        wait = max(wait, WINDOW_SECONDS - seen.account[ACCOUNT_MAX_FAILURES - 1])
    return max(0.0, wait)
