"""Requests aiohttp's parser refuses get a problem+json 400 that echoes nothing, and the secret they
carried reaches no log line (the real `apo run`, its log read as an operator would)."""
from __future__ import annotations

import asyncio
import json

import pytest

from actors.users.secrets import new_token
from tests.support.live_process import start_app_process

TOKEN = new_token()  # as issued


async def raw_exchange(base_url: str, request: bytes) -> bytes:
    host, port = base_url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(request)
    await writer.drain()
    reply = await asyncio.wait_for(reader.read(), 10)
    writer.close()
    return reply


MALFORMED = [
    ("control character in a bearer token", f"Authorization: Bearer {TOKEN}\x01x\r\n"),
    ("header over 8190 bytes", f"Authorization: Bearer {TOKEN}{'A' * 9000}\r\n"),
    ("bad Content-Length beside a token", f"Authorization: Bearer {TOKEN}\r\nContent-Length: {TOKEN}\r\n"),
]


@pytest.fixture
async def live(empty_database, tmp_path):
    process = await start_app_process(empty_database, tmp_path)
    yield process
    await process.stop()


@pytest.mark.parametrize(("case", "headers"), MALFORMED, ids=[c[0] for c in MALFORMED])
async def test_a_malformed_request_gets_a_problem_that_echoes_nothing(live, case, headers):
    reply = await raw_exchange(live.base_url, f"GET /api/v1/me HTTP/1.1\r\nHost: x\r\n{headers}\r\n".encode())
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400") or head.startswith(b"HTTP/1.0 400")
    assert b"content-type: application/problem+json" in head.lower()
    problem = json.loads(body)
    assert problem["status"] == 400 and problem["type"].endswith("/malformed-request")
    assert TOKEN.encode() not in reply and b"Bearer" not in body
    await asyncio.sleep(0.2)
    log = live.log()
    assert "malformed HTTP request from 127.0.0.1 answered 400" in log
    assert TOKEN not in log and "Traceback" not in log and "ERROR" not in log
