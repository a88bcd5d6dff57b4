"""Admin test helpers: admins and users made quickly, progress polling."""
from __future__ import annotations

import asyncio
import itertools

import aiohttp
import aiopg

from tests.e2e.api.helpers import bearer, login, register

_admin_numbers = itertools.count(1)


async def sql(dsn: str, statement: str, params: object = None) -> list[tuple]:
    async with aiopg.connect(dsn) as conn, conn.cursor() as cur:
        await cur.execute(statement, params)
        return await cur.fetchall() if cur.description else []


async def make_admin(http: aiohttp.ClientSession, dsn: str, telegram_id: int | None = None) -> tuple[dict, dict]:
    """(user, headers) of a fresh administrator, optionally linked to a Telegram id."""
    user = await register(http, email=f"admin{next(_admin_numbers)}@example.org", display_name="Админ")
    await sql(dsn, "UPDATE users SET is_admin = true, telegram_id = %s WHERE id = %s", (telegram_id, user["id"]))
    return user, bearer(await login(http, user["email"]))


async def make_student(http: aiohttp.ClientSession) -> dict:
    user = await register(http)
    return bearer(await login(http, user["email"]))


async def insert_telegram_users(dsn: str, first_telegram_id: int, count: int, grade: str = "9") -> None:
    """Bot users straight in SQL: thousands in milliseconds."""
    await sql(dsn, """
        INSERT INTO users (telegram_id, display_name, grade)
        SELECT %s + g, 'User ' || g, %s FROM generate_series(0, %s - 1) AS g""",
              (first_telegram_id, grade, count))


async def wait_for_status(http: aiohttp.ClientSession, headers: dict, mailing_id: int, statuses: set[str],
                          timeout: float = 60.0) -> dict:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        async with http.get(f"/admin/api/v1/mailings/{mailing_id}", headers=headers) as response:
            assert response.status == 200, await response.text()
            progress = await response.json()
        if progress["status"] in statuses:
            return progress
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"mailing {mailing_id} still {progress} after {timeout} s")
        await asyncio.sleep(0.1)
