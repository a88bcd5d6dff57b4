"""Adaptive learning over real HTTP: adaptive and mistakes modes of /training/next, ratings, due
mistakes and reminder settings."""
from __future__ import annotations

import aiopg

from tests.e2e.api.helpers import bearer, problem, registered_token


async def wrong_answer_to(database: str, question: dict) -> object:
    async with aiopg.connect(database) as conn, conn.cursor() as cur:
        await cur.execute("SELECT correct_answer FROM questions WHERE id = %s", (question["question_id"],))
        (right,), = await cur.fetchall()
    return {"yes_no": lambda: not right, "one": lambda: (right + 1) % len(question["options"]),
            "multiple": lambda: [i for i in range(len(question["options"])) if i not in right],
            "open": lambda: "совсем не то"}[question["type"]]()


async def test_an_adaptive_question_answered_wrongly_moves_the_rating_and_queues_a_mistake(http, empty_database):
    _, token = await registered_token(http)
    auth = bearer(token)
    async with http.get("/api/v1/ratings/me", headers=auth) as r:
        assert r.status == 200 and (await r.json())["subjects"] == []
    async with http.get("/api/v1/training/next", params={"mode": "adaptive"}, headers=auth) as r:
        assert r.status == 200, await r.text()
        question = await r.json()
    assert question["mode"] == "adaptive" and 0.6 <= question["predicted_success"] <= 0.9
    assert 1 <= question["difficulty"] <= 5 and "correct_answer" not in question
    answer = await wrong_answer_to(empty_database, question)
    async with http.post("/api/v1/training/answers", headers=auth,
                         json={"served_id": question["served_id"], "answer": answer}) as r:
        assert r.status == 200 and (await r.json())["correct"] is False
    async with http.get("/api/v1/ratings/me", headers=auth) as r:
        [subject] = (await r.json())["subjects"]
    assert subject["subject"] == question["subject"] and subject["rating"] < 1500
    assert subject["level"] and subject["level_name"] and subject["provisional"] is True
    async with http.get("/api/v1/reviews/due", headers=auth) as r:
        due = await r.json()
    assert due["due"] == 0 and due["items"] == [] and due["next_due_at"]  # due within the hour
    async with http.get("/api/v1/training/next", params={"mode": "mistakes"}, headers=auth) as r:
        body = await problem(r, 404)
    assert "due" in body["detail"]
    async with http.get("/api/v1/training/next", headers=auth) as r:
        plain = await r.json()
    assert "mode" not in plain and plain["served_id"] != question["served_id"]


async def test_reminder_settings(http):
    _, token = await registered_token(http)
    auth = bearer(token)
    async with http.get("/api/v1/reminders", headers=auth) as r:
        assert (await r.json())["enabled"] is False
    async with http.put("/api/v1/reminders", headers=auth, json={"hour": 18, "timezone": "Asia/Yekaterinburg"}) as r:
        assert r.status == 200, await r.text()
        on = await r.json()
    assert (on["enabled"], on["hour"], on["timezone"]) == (True, 18, "Asia/Yekaterinburg")
    async with http.put("/api/v1/reminders", headers=auth, json={"hour": 18, "timezone": "Nowhere/City"}) as r:
        await problem(r, 422)
    async with http.put("/api/v1/reminders", headers=auth, json={"hour": 24}) as r:
        await problem(r, 422)
    async with http.delete("/api/v1/reminders", headers=auth) as r:
        assert (await r.json())["enabled"] is False


async def test_unknown_mode_is_a_422(http):
    _, token = await registered_token(http)
    async with http.get("/api/v1/training/next", params={"mode": "random"}, headers=bearer(token)) as r:
        await problem(r, 422)
