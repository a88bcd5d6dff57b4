"""Small helpers for REST tests: register, log in, authorised headers."""
from __future__ import annotations

import itertools
from typing import Any

import aiohttp

PASSWORD = "correct horse battery"
_emails = itertools.count(1)


def new_email() -> str:
    return f"student{next(_emails)}@example.org"


async def register(http: aiohttp.ClientSession, email: str | None = None, **fields: Any) -> dict:
    body = {"email": email or new_email(), "password": PASSWORD, "display_name": "Аня", "grade": "9", **fields}
    async with http.post("/api/v1/auth/register", json=body) as response:
        assert response.status == 201, await response.text()
        return await response.json()


async def login(http: aiohttp.ClientSession, email: str, password: str = PASSWORD) -> str:
    async with http.post("/api/v1/auth/login", json={"email": email, "password": password}) as response:
        assert response.status == 200, await response.text()
        return (await response.json())["access_token"]


async def registered_token(http: aiohttp.ClientSession, **fields: Any) -> tuple[dict, str]:
    user = await register(http, **fields)
    return user, await login(http, user["email"])


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def problem(response: aiohttp.ClientResponse, status: int) -> dict:
    """Asserts an RFC 9457 problem with this status and returns its body."""
    assert response.status == status, await response.text()
    assert response.content_type == "application/problem+json"
    body = await response.json()
    assert body["status"] == status and body["title"]
    return body
