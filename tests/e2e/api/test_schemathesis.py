"""schemathesis against the live service's OpenAPI document: no 5xx, no response outside the schema."""
from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import aiohttp
import aiopg

from tests.support.live_process import start_app_process

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


async def run_schemathesis(base_url: str, spec_path: str, token: str, tmp_path: Path,
                           exclude_operations: tuple[str, ...] = ()) -> tuple[int, str]:
    schemathesis = Path(sys.executable).parent / "schemathesis"
    args = [str(schemathesis), "run", base_url + spec_path, "--checks", CHECKS,
            "--header", f"Authorization: Bearer {token}", "--max-examples", "25", "--workers", "1",
            "--phases", "examples,coverage,fuzzing", "--request-timeout", "10", "--max-failures", "5",
            "--suppress-health-check", "all", "--seed", "1"]
    for operation in exclude_operations:
        args += ["--exclude-operation-id", operation]
    process = await asyncio.create_subprocess_exec(
        *args, cwd=str(tmp_path), stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        env={**os.environ, "NO_COLOR": "1"})
    output, _ = await asyncio.wait_for(process.communicate(), timeout=600)
    return process.returncode, output.decode(errors="replace")


async def user_token(base_url: str, email: str = "fuzz@example.org") -> str:
    credentials = {"email": email, "password": "fuzzing password"}
    async with aiohttp.ClientSession(base_url=base_url) as session:
        async with session.post("/api/v1/auth/register", json={**credentials, "display_name": "Fuzz"}) as r:
            assert r.status == 201
        async with session.post("/api/v1/auth/login", json=credentials) as r:
            return (await r.json())["access_token"]


async def test_user_api_holds_its_openapi_contract(empty_database, tmp_path):
    live = await start_app_process(empty_database, tmp_path)
    try:
        token = await user_token(live.base_url)
        # logout would revoke the token the other operations are fuzzed with
        code, output = await run_schemathesis(live.base_url, "/api/v1/openapi.json", token, tmp_path,
                                              exclude_operations=("logout",))
    finally:
        await live.stop()
    assert code == 0, output[-6000:]
    assert "passed" in output.lower()


async def test_admin_api_holds_its_openapi_contract(empty_database, tmp_path):
    live = await start_app_process(empty_database, tmp_path)
    try:
        async with aiopg.connect(empty_database) as conn, conn.cursor() as cur:
            token = await user_token(live.base_url, "admin-fuzz@example.org")
            await cur.execute("UPDATE users SET is_admin = true WHERE email = %s", ("admin-fuzz@example.org",))
        # A fresh process would cache the profile for a minute: restart so the grant is seen at once.
        await live.stop()
        live = await start_app_process(empty_database, tmp_path)
        code, output = await run_schemathesis(live.base_url, "/admin/api/v1/openapi.json", token, tmp_path)
    finally:
        await live.stop()
    assert code == 0, output[-6000:]
