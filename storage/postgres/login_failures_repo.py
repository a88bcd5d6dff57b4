"""Login failures by account and address key, the addresses known per account, and registrations
per address (migration 0020), timed by the database's clock so every instance sees one window."""
from __future__ import annotations

from typing import Any

from storage.postgres.tx import Tx

WINDOW = "now() - make_interval(secs => %(window)s)"
# Serialises the check and the record of one account (or address) across every instance.
LOCK = "SELECT pg_advisory_xact_lock(%(lock)s)"
OBSERVE = f"""
    SELECT
      ARRAY(SELECT extract(epoch FROM now() - failed_at)::float8 FROM login_failures
            WHERE account_key = %(account)s AND address_key = %(address)s AND failed_at > {WINDOW}
            ORDER BY failed_at DESC LIMIT %(limit)s) AS pair,
      ARRAY(SELECT extract(epoch FROM now() - failed_at)::float8 FROM login_failures
            WHERE account_key = %(account)s AND failed_at > {WINDOW}
            ORDER BY failed_at DESC LIMIT %(limit)s) AS account,
      (SELECT count(*) FROM login_failures
       WHERE address_key = %(address)s AND failed_at > {WINDOW}) AS address_failures,
      EXISTS(SELECT 1 FROM login_known_addresses
             WHERE account_key = %(account)s AND address_key = %(address)s
               AND seen_at > now() - make_interval(days => %(known_days)s)) AS known_address
"""
RECORD = """
    INSERT INTO login_failures (account_key, address_key) VALUES (%(account)s, %(address)s)
    RETURNING id
"""
# A right password takes back only its own provisional row: earlier failures stay for the window,
# or the owner logging in would refill the budget of someone guessing from the same address.
FORGET = "DELETE FROM login_failures WHERE id = %(id)s"
REMEMBER = """
    INSERT INTO login_known_addresses (account_key, address_key) VALUES (%(account)s, %(address)s)
    ON CONFLICT (account_key, address_key) DO UPDATE SET seen_at = now()
"""
REGISTRATIONS = f"""
    SELECT ARRAY(SELECT extract(epoch FROM now() - attempted_at)::float8 FROM registration_attempts
                 WHERE address_key = %(address)s AND attempted_at > {WINDOW}
                 ORDER BY attempted_at DESC LIMIT %(limit)s) AS ages
"""
RECORD_REGISTRATION = "INSERT INTO registration_attempts (address_key) VALUES (%(address)s)"
PRUNE = (f"DELETE FROM login_failures WHERE failed_at <= {WINDOW}",
         "DELETE FROM login_known_addresses WHERE seen_at <= now() - make_interval(days => %(known_days)s)",
         "DELETE FROM registration_attempts WHERE attempted_at <= now() - make_interval(secs => %(registration_window)s)")


class LoginFailuresRepository:
    async def lock(self, tx: Tx, key: bytes) -> None:
        await tx.execute(LOCK, {"lock": int.from_bytes(key[:8], "big", signed=True)})

    async def observe(self, tx: Tx, account: bytes, address: bytes, *, window: float, limit: int,
                      known_days: int) -> dict[str, Any]:
        row = await tx.fetchone(OBSERVE, {"account": account, "address": address, "window": window,
                                          "limit": limit, "known_days": known_days})
        assert row is not None
        return row

    async def record(self, tx: Tx, account: bytes, address: bytes) -> int:
        return await tx.fetchval(RECORD, {"account": account, "address": address})

    async def forget(self, tx: Tx, failure_id: int) -> None:
        await tx.execute(FORGET, {"id": failure_id})

    async def remember(self, tx: Tx, account: bytes, address: bytes) -> None:
        await tx.execute(REMEMBER, {"account": account, "address": address})

    async def registrations(self, tx: Tx, address: bytes, *, window: float, limit: int) -> list[float]:
        return list(await tx.fetchval(REGISTRATIONS, {"address": address, "window": window, "limit": limit}))

    async def record_registration(self, tx: Tx, address: bytes) -> None:
        await tx.execute(RECORD_REGISTRATION, {"address": address})

    async def prune(self, tx: Tx, *, window: float, known_days: int, registration_window: float) -> int:
        params = {"window": window, "known_days": known_days, "registration_window": registration_window}
        return sum([await tx.execute(statement, params) for statement in PRUNE])
