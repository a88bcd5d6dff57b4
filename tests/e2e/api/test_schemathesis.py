"""schemathesis against the live service's OpenAPI documents with `--checks all`, on positive and
negative data: no 5xx, no response outside the schema, every schema-valid request accepted and every
schema-violating one refused. The few answers that depend on data no schema can state are listed,
with their reasons, in schemathesis.toml beside this file."""
from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import aiohttp
import aiopg

from tests.support.live_process import start_app_process

CONFIG = Path(__file__).with_name("schemathesis.toml")
EXAMPLES_PER_OPERATION = "30"  # bounded: both documents take a few minutes on the 2-core machine


async def run_schemathesis(base_url: str, spec_path: str, token: str, tmp_path: Path,
                           exclude_operations: tuple[str, ...] = ()) -> tuple[int, str]:
    schemathesis = Path(sys.executable).parent / "schemathesis"
    args = [str(schemathesis), "--config-file", str(CONFIG), "run", base_url + spec_path, "--checks", "all",
            "--mode", "all", "--header", f"Authorization: Bearer {token}",
            "--max-examples", EXAMPLES_PER_OPERATION, "--workers", "2", "--continue-on-failure",
            "--request-timeout", "10", "--suppress-health-check", "all", "--seed", "1"]
    for operation in exclude_operations:
        args += ["--exclude-operation-id", operation]
    process = await asyncio.create_subprocess_exec(
        *args, cwd=str(tmp_path), stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        env={**os.environ, "NO_COLOR": "1"})
    output, _ = await asyncio.wait_for(process.communicate(), timeout=900)
    return process.returncode, output.decode(errors="replace")


async def user_token(base_url: str, email: str = "fuzz@example.org") -> str:
    credentials = {"email": email, "password": "fuzzing password"}
    async with aiohttp.ClientSession(base_url=base_url) as session:
        async with session.post("/api/v1/auth/register", json={**credentials, "display_name": "Fuzz"}) as r:
            assert r.status == 201
        async with session.post("/api/v1/auth/login", json=credentials) as r:
            return (await r.json())["access_token"]


def assert_clean(code: int, output: str) -> None:
    assert code == 0, output[-8000:]
    summary = output[output.rfind("Test cases:"):]
    assert " generated" in summary and "failure" not in summary, summary


async def test_user_api_holds_its_openapi_contract(empty_database, tmp_path):
    live = await start_app_process(empty_database, tmp_path)
    try:
        token = await user_token(live.base_url)
        # logout would revoke the token the other operations are fuzzed with
        code, output = await run_schemathesis(live.base_url, "/api/v1/openapi.json", token, tmp_path,
                                              exclude_operations=("logout",))
    finally:
        await live.stop()
    assert_clean(code, output)


async def test_admin_api_holds_its_openapi_contract(empty_database, tmp_path):
    live = await start_app_process(empty_database, tmp_path)
    try:
        token = await user_token(live.base_url, "admin-fuzz@example.org")
        async with aiopg.connect(empty_database) as conn, conn.cursor() as cur:
            # Granted behind the running process's back, as `apo admin grant` does: rights are read
            # from the stored user on every admin request, so no restart is needed.
            await cur.execute("UPDATE users SET is_admin = true WHERE email = %s", ("admin-fuzz@example.org",))
        code, output = await run_schemathesis(live.base_url, "/admin/api/v1/openapi.json", token, tmp_path)
    finally:
        await live.stop()
    assert_clean(code, output)
