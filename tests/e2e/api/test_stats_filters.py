"""Statistics and filters through real HTTP on the app production builds (PostgreSQL JSONB documents)."""
from __future__ import annotations

import aiohttp
import aiopg
import pytest

from tests.e2e.api.helpers import bearer, problem, registered_token

PER_SUBJECT = """
    SELECT s.code, count(*), count(*) FILTER (WHERE a.correct), round(sum(a.points)::numeric, 2)::float
    FROM attempts a JOIN questions q ON q.id = a.question_id JOIN subjects s ON s.id = q.subject_id
    WHERE a.user_id = %s GROUP BY s.code ORDER BY s.code
"""


@pytest.fixture
def api(http: aiohttp.ClientSession, empty_database: str) -> tuple[aiohttp.ClientSession, str]:
    return http, empty_database


async def sql(dsn: str, query: str, *params: object) -> list[tuple]:
    async with aiopg.connect(dsn) as conn, conn.cursor() as cur:
        await cur.execute(query, params)
        return await cur.fetchall()


async def call(http, method: str, url: str, token: str, **kwargs) -> dict:
    async with http.request(method, url, headers=bearer(token), **kwargs) as response:
        assert response.status == 200, await response.text()
        return await response.json()


async def answer_next(http, dsn: str, token: str, correct: bool) -> dict:
    question = await call(http, "GET", "/api/v1/training/next", token)
    [(right,)] = await sql(dsn, "SELECT correct_answer FROM questions WHERE id = %s", question["question_id"])
    if question["type"] == "open":
        right = right[0]
    wrong = {"yes_no": lambda: not right, "one": lambda: (right + 1) % len(question["options"]),
             "multiple": list, "open": lambda: "заведомо неверно"}[question["type"]]
    body = {"served_id": question["served_id"], "answer": right if correct else wrong(), "elapsed_ms": 3000}
    await call(http, "POST", "/api/v1/training/answers", token, json=body)
    return question


async def test_filters_steer_training_and_stats_equal_the_attempts(api):
    http, dsn = api
    user, token = await registered_token(http)
    options = await call(http, "GET", "/api/v1/filters/options", token)
    subject = options["subjects"][0]["code"]
    assert options["matching"] == sum(s["questions"] for s in options["subjects"])
    state = await call(http, "PUT", "/api/v1/filters", token, json={"subjects": [subject, subject]})
    assert state["filter"]["subjects"] == [subject] and state["matching"] > 0 and state["message"] is None
    assert (await call(http, "GET", "/api/v1/filters", token))["subjects"] == [subject]

    for i in range(6):
        assert (await answer_next(http, dsn, token, correct=i % 2 == 0))["subject"] == subject

    stats = await call(http, "GET", "/api/v1/stats/me", token)
    expected = await sql(dsn, PER_SUBJECT, user["id"])
    assert [(s["subject"], s["attempts"], s["correct"], s["points"]) for s in stats["subjects"]] == expected
    assert stats["totals"]["attempts"] == 6 and stats["totals"]["average_time_ms"] == 3000
    assert stats["streak"]["current"] == 1 and len(stats["daily"]) == 1

    board = await call(http, "GET", "/api/v1/stats/leaderboard", token, params={"period": "all"})
    assert board["me"]["user_id"] == user["id"] and board["me"]["rank"] == 1
    assert board["entries"][0]["display_name"] == user["display_name"]
    weekly = await call(http, "GET", "/api/v1/stats/leaderboard", token,
                        params={"subject": subject, "limit": "5"})
    assert weekly["week"] and weekly["me"]["points"] == stats["totals"]["points"]


async def test_an_empty_selection_answers_clearly_and_training_says_why(api):
    http, _ = api
    _, token = await registered_token(http)
    options = await call(http, "GET", "/api/v1/filters/options", token)
    theme = options["themes"][0]
    other = next(s["code"] for s in options["subjects"] if s["code"] != theme["subject"])
    nothing = {"subjects": [other], "themes": [theme["id"]]}  # the theme belongs to another subject
    state = await call(http, "PUT", "/api/v1/filters", token, json=nothing)
    assert state["matching"] == 0 and "No question matches" in state["message"]
    async with http.get("/api/v1/training/next", headers=bearer(token)) as response:
        assert "filters" in (await problem(response, 404))["detail"]
    reset = await call(http, "DELETE", "/api/v1/filters", token)
    assert reset["matching"] > 0 and reset["filter"]["subjects"] == []


async def test_unknown_values_are_field_errors_and_bad_queries_are_refused(api):
    http, _ = api
    _, token = await registered_token(http)
    unknown = {"subjects": ["astrology"]}
    async with http.put("/api/v1/filters", headers=bearer(token), json=unknown) as response:
        body = await problem(response, 422)
    assert body["errors"][0]["loc"] == "body.subjects" and "astrology" in body["errors"][0]["msg"]
    async with http.put("/api/v1/filters", headers=bearer(token),
                        json={"difficulty_min": 5, "difficulty_max": 1}) as response:
        await problem(response, 422)
    year = {"period": "year"}
    async with http.get("/api/v1/stats/leaderboard", headers=bearer(token), params=year) as response:
        await problem(response, 422)
    async with http.get("/api/v1/stats/me") as response:
        await problem(response, 401)


async def test_a_new_user_sees_empty_statistics_and_an_empty_board(api):
    http, _ = api
    _, token = await registered_token(http)
    stats = await call(http, "GET", "/api/v1/stats/me", token)
    assert stats["totals"]["attempts"] == 0 and stats["subjects"] == [] and stats["streak"]["current"] == 0
    board = await call(http, "GET", "/api/v1/stats/leaderboard", token)
    assert board == {"period": "week", "subject": None, "week": board["week"], "entries": [], "me": None}
