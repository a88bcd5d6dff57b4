"""DELETE /me: the password again, then the account and everything personal are gone; nobody else's.
Also what a request does that was already in flight (or authenticated from a cache) for a deleted user."""
from __future__ import annotations

import asyncio

import aiopg

from tests.e2e.api.helpers import PASSWORD, bearer, problem, registered_token
from tests.e2e.api.test_adaptive import wrong_answer_to
from tests.e2e.api.test_training import correct_answer_of, right_answer

# Every table that holds a user's rows (sql/postgres), by the column naming the user.
PERSONAL_TABLES = {"users": "id", "api_tokens": "user_id", "telegram_link_codes": "user_id",
                   "training_sessions": "user_id", "served_questions": "user_id", "attempts": "user_id",
                   "question_reports": "user_id", "user_ratings": "user_id", "rating_updates": "user_id",
                   "review_cards": "user_id", "reminder_settings": "user_id",
                   "user_question_history": "user_id"}


async def rows_of(database: str, user_id: int) -> dict[str, int]:
    """How many rows each personal table and document collection holds for this user."""
    counts = {}
    async with aiopg.connect(database) as conn, conn.cursor() as cur:
        for table, column in PERSONAL_TABLES.items():
            await cur.execute(f"SELECT count(*) FROM {table} WHERE {column} = %s", (user_id,))
            counts[table] = (await cur.fetchone())[0]
        for collection in ("stats", "filters"):
            await cur.execute("SELECT count(*) FROM documents WHERE collection = %s AND key = %s",
                              (collection, str(user_id)))
            counts[f"documents:{collection}"] = (await cur.fetchone())[0]
    return counts


async def active_user(http, database: str) -> tuple[dict, str]:
    """A user with something in every personal table and both documents."""
    user, token = await registered_token(http)
    auth = bearer(token)
    async with http.put("/api/v1/filters", headers=auth, json={"types": ["one", "yes_no"]}) as r:
        assert r.status == 200, await r.text()
    async with http.put("/api/v1/reminders", headers=auth, json={"hour": 18, "timezone": "Europe/Moscow"}) as r:
        assert r.status == 200, await r.text()
    async with http.post("/api/v1/me/telegram-link", headers=auth) as r:
        assert r.status == 201
    async with http.get("/api/v1/training/next", params={"mode": "adaptive"}, headers=auth) as r:
        question = await r.json()
    answer = await wrong_answer_to(database, question)  # a wrong answer also queues a review card
    async with http.post("/api/v1/training/answers", headers=auth,
                         json={"served_id": question["served_id"], "answer": answer}) as r:
        assert r.status == 200, await r.text()
    async with http.post("/api/v1/reports", headers=auth,
                         json={"question_id": question["question_id"], "text": "Опечатка"}) as r:
        assert r.status == 201
    for _ in range(200):  # statistics follow the answer's event
        if (await rows_of(database, user["id"]))["documents:stats"]:
            break
        await asyncio.sleep(0.02)
    assert all((await rows_of(database, user["id"])).values()), await rows_of(database, user["id"])
    return user, token


async def test_deleting_the_account_removes_everything_personal_and_nothing_of_anybody_else(
        http, empty_database):
    anya, anya_token = await active_user(http, empty_database)
    borya, borya_token = await active_user(http, empty_database)
    borya_rows = await rows_of(empty_database, borya["id"])

    async with http.delete("/api/v1/me", headers=bearer(anya_token), json={"password": PASSWORD}) as r:
        assert r.status == 204, await r.text()

    assert set((await rows_of(empty_database, anya["id"])).values()) == {0}
    assert await rows_of(empty_database, borya["id"]) == borya_rows
    async with http.get("/api/v1/me", headers=bearer(anya_token)) as r:
        await problem(r, 401)
    async with http.post("/api/v1/auth/login", json={"email": anya["email"], "password": PASSWORD}) as r:
        await problem(r, 401)
    async with http.get("/api/v1/me", headers=bearer(borya_token)) as r:
        assert r.status == 200
    async with http.get("/api/v1/stats/leaderboard", params={"period": "all"}, headers=bearer(borya_token)) as r:
        entries = (await r.json())["entries"]
    assert anya["id"] not in {e["user_id"] for e in entries}


async def test_a_wrong_password_deletes_nothing_and_counts_as_a_failed_login(http, empty_database):
    user, token = await active_user(http, empty_database)
    before = await rows_of(empty_database, user["id"])
    for _ in range(3):
        async with http.delete("/api/v1/me", headers=bearer(token), json={"password": "not my password"}) as r:
            await problem(r, 401)
    async with http.delete("/api/v1/me", headers=bearer(token), json={"password": PASSWORD}) as r:
        await problem(r, 429)  # the login throttle's delay: the token cannot be used to guess the password
        assert int(r.headers["Retry-After"]) > 0
    async with http.post("/api/v1/auth/login", json={"email": user["email"], "password": PASSWORD}) as r:
        await problem(r, 429)
    async with http.delete("/api/v1/me", headers=bearer(token), json={}) as r:
        await problem(r, 422)
    async with http.delete("/api/v1/me", json={"password": PASSWORD}) as r:
        await problem(r, 401)
    assert await rows_of(empty_database, user["id"]) == before


async def test_a_write_for_an_account_deleted_behind_a_cached_token_is_a_401_not_a_500(http, empty_database):
    # As on an instance whose caches still hold the token and the profile when another one deletes it.
    user, token = await registered_token(http)
    auth = bearer(token)
    async with http.get("/api/v1/training/next", headers=auth) as r:
        question = await r.json()
    answer = right_answer(question, await correct_answer_of(empty_database, question["question_id"]))
    async with aiopg.connect(empty_database) as conn, conn.cursor() as cur:
        await cur.execute("DELETE FROM users WHERE id = %s", (user["id"],))

    async with http.post("/api/v1/training/answers", headers=auth,
                         json={"served_id": question["served_id"], "answer": answer}) as r:
        await problem(r, 404)  # the served question went with the user: the answer's guard sees it
    async with http.get("/api/v1/training/next", headers=auth) as r:  # serving one refers to the user
        assert (await problem(r, 401))["type"].endswith("/account_gone")
    async with http.post("/api/v1/reports", headers=auth,
                         json={"question_id": question["question_id"], "text": "Опечатка"}) as r:
        assert (await problem(r, 401))["type"].endswith("/account_gone")
    assert set((await rows_of(empty_database, user["id"])).values()) == {0}
