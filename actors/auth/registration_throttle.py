"""Registrations per client address: at most REGISTRATIONS_PER_ADDRESS an hour (a class of 40
registering from one school's address fits; a script creating accounts by the hundred does not).
Counted in PostgreSQL like the login throttle, so it holds across instances."""
from __future__ import annotations

import math

from actors.auth.throttle import REGISTRATION_WINDOW_SECONDS, throttle_key
from actors.errors import RateLimited
from storage.postgres import Database
from storage.postgres.login_failures_repo import LoginFailuresRepository

REGISTRATIONS_PER_ADDRESS = 50


class RegistrationThrottle:
    def __init__(self, database: Database, per_address: int = REGISTRATIONS_PER_ADDRESS) -> None:
        self._db, self._limit = database, per_address
        self._repo = LoginFailuresRepository()

    async def admit(self, address: str) -> None:
        """Counts one registration from this address; raises RateLimited when it must wait."""
        key = throttle_key("address", address)
        async with self._db.transaction() as tx:
            await self._repo.lock(tx, key)
            ages = await self._repo.registrations(tx, key, window=REGISTRATION_WINDOW_SECONDS, limit=self._limit)
            if len(ages) >= self._limit:  # free again when the limit-th newest leaves the window
                wait = REGISTRATION_WINDOW_SECONDS - ages[self._limit - 1]
                raise RateLimited(math.ceil(max(wait, 1)), "too many registrations from this address; try again later")
            await self._repo.record_registration(tx, key)
