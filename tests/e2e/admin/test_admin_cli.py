"""`apo admin grant|revoke`: by email or Telegram id, refused for unknown users; the rights it gives
open the admin API."""
from __future__ import annotations

import asyncio
import os
import sys

from tests.e2e.admin.helpers import sql
from tests.e2e.api.helpers import bearer, login, register
from tests.support.live_process import ROOT


async def apo(dsn: str, tmp_path, *args: str) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("APO_")}
    env.update(APO_POSTGRES_DSN=dsn, APO_DATA_DIR=str(tmp_path), APO_LOG_LEVEL="WARNING")
    process = await asyncio.create_subprocess_exec(sys.executable, "-m", "app", *args, cwd=str(ROOT), env=env,
                                                   stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    out, _ = await process.communicate()
    return process.returncode, out.decode()


async def test_grant_and_revoke_by_email_and_telegram_id(admin_http, empty_database, tmp_path):
    user = await register(admin_http, email="Teacher@Example.org")
    headers = bearer(await login(admin_http, user["email"]))
    code, out = await apo(empty_database, tmp_path, "admin", "grant", "--email", "teacher@example.org")
    assert code == 0 and f"user #{user['id']}" in out and "is now an administrator" in out
    async with admin_http.get("/admin/api/v1/mailings", headers=headers) as response:
        assert response.status == 200  # the profile was not cached before: the grant shows at once
    await sql(empty_database, "UPDATE users SET telegram_id = 5555 WHERE id = %s", (user["id"],))
    code, out = await apo(empty_database, tmp_path, "admin", "revoke", "--telegram-id", "5555")
    assert code == 0 and "no longer an administrator" in out
    assert (await sql(empty_database, "SELECT is_admin FROM users WHERE id = %s", (user["id"],))) == [(False,)]


async def test_unknown_users_and_missing_arguments_are_refused(admin_http, empty_database, tmp_path):
    code, out = await apo(empty_database, tmp_path, "admin", "grant", "--email", "nobody@example.org")
    assert code == 1 and "no user with email nobody@example.org" in out
    code, out = await apo(empty_database, tmp_path, "admin", "grant")
    assert code == 2 and "one of the arguments --email --telegram-id is required" in out
