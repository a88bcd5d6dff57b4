"""Caches never contradict the user (README: Security, Scaling): a token ends at its expiry, rights
follow a grant or revoke on the next request, a leaderboard lists whoever it ranks, and an import
shows in the filter options and the paper list at once on the instance that imported."""
from __future__ import annotations

import asyncio
import json
import os
import sys

import aiohttp

from tests.e2e.admin.helpers import make_admin, sql
from tests.e2e.api.helpers import PASSWORD, bearer, login, registered_token
from tests.e2e.api.test_stats_filters import answer_next, call
from tests.support.live_process import ROOT


async def status_of(http, url: str, token: str) -> int:
    async with http.get(url, headers=bearer(token)) as response:
        return response.status


async def test_a_cached_token_stops_working_at_its_expiry(http, empty_database):
    _, token = await registered_token(http)
    await sql(empty_database, "UPDATE api_tokens SET expires_at = now() + interval '1.5 seconds'")
    assert await status_of(http, "/api/v1/me", token) == 200  # resolved and cached now
    await asyncio.sleep(2.0)
    assert await status_of(http, "/api/v1/me", token) == 401


async def apo_admin(dsn: str, action: str, email: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("APO_")} | {"APO_POSTGRES_DSN": dsn}
    process = await asyncio.create_subprocess_exec(sys.executable, "-m", "app", "admin", action, "--email", email,
                                                   cwd=str(ROOT), env=env, stdout=asyncio.subprocess.PIPE,
                                                   stderr=asyncio.subprocess.STDOUT)
    output, _ = await process.communicate()
    assert process.returncode == 0, output.decode()


async def test_a_grant_and_a_revoke_hold_from_the_next_request(http, empty_database):
    user, token = await registered_token(http)
    reports = "/admin/api/v1/reports"
    assert await status_of(http, reports, token) == 403
    me = await call(http, "GET", "/api/v1/me", token)  # the profile is cached for a minute now
    assert me["is_admin"] is False
    await apo_admin(empty_database, "grant", user["email"])
    assert await status_of(http, reports, token) == 200
    fresh = await login(http, user["email"], PASSWORD)
    assert (await call(http, "GET", "/api/v1/me", fresh))["is_admin"] is True
    await apo_admin(empty_database, "revoke", user["email"])
    assert await status_of(http, reports, token) == 403
    assert (await call(http, "GET", "/api/v1/me", token))["is_admin"] is False


async def test_a_leaderboard_lists_the_user_it_ranks(http, empty_database):
    _, token = await registered_token(http)
    board = await call(http, "GET", "/api/v1/stats/leaderboard?period=week", token)
    assert board["entries"] == [] and board["me"] is None  # the empty top is cached now
    await answer_next(http, empty_database, token, correct=True)
    board = await call(http, "GET", "/api/v1/stats/leaderboard?period=week", token)
    assert board["me"]["rank"] == 1
    assert [entry["user_id"] for entry in board["entries"]] == [board["me"]["user_id"]]


def bank_file() -> bytes:
    questions = [{"external_id": f"cache-{i}", "theme": "Кэш", "type": "yes_no", "text": f"Верно ли {i}?",
                  "correct": True, "explanation": "Потому что.", "difficulty": 1,
                  "source": {"olympiad": "Олимпиада кэша", "stage": "school", "year": 2026}} for i in range(8)]
    return json.dumps({"format": "apo-questions/1", "subject": {"code": "caching", "name": "Кэширование"},
                       "questions": questions}, ensure_ascii=False).encode()


async def test_an_import_shows_in_options_and_papers_at_once(http, empty_database):
    _, headers = await make_admin(http, empty_database)
    _, token = await registered_token(http)
    options = await call(http, "GET", "/api/v1/filters/options", token)
    papers = await call(http, "GET", "/api/v1/simulations/papers", token)
    assert "caching" not in json.dumps(options) and "caching" not in json.dumps(papers)
    form = aiohttp.FormData()
    form.add_field("file", bank_file(), filename="bank.json", content_type="application/octet-stream")
    async with http.post("/admin/api/v1/bank/import", data=form, headers=headers) as response:
        assert response.status == 200, await response.text()
    options = await call(http, "GET", "/api/v1/filters/options", token)
    assert "caching" in {subject["code"] for subject in options["subjects"]}
    papers = await call(http, "GET", "/api/v1/simulations/papers", token)
    assert any(paper["subject"] == "caching" for paper in papers)
