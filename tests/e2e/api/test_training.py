"""A full training round and a full simulation over real HTTP, on the seed bank."""
from __future__ import annotations

import asyncio

import aiopg

from tests.e2e.api.helpers import bearer, problem, registered_token

SECRET_FIELDS = ("correct", "explanation", "tolerance", "correct_answer")


def right_answer(question: dict, correct: object) -> object:
    return correct[0] if question["type"] == "open" else correct


async def correct_answer_of(database: str, question_id: int) -> object:
    async with aiopg.connect(database) as conn, conn.cursor() as cur:
        await cur.execute("SELECT correct_answer FROM questions WHERE id = %s", (question_id,))
        (answer,), = await cur.fetchall()
    return answer


async def test_training_round_next_answer_skip_report_finish(http, empty_database):
    _, token = await registered_token(http)
    auth = bearer(token)
    seen = set()
    session_id = None
    for _ in range(5):
        async with http.get("/api/v1/training/next", headers=auth) as r:
            assert r.status == 200, await r.text()
            question = await r.json()
        assert not any(field in question for field in SECRET_FIELDS)  # never before the attempt
        assert question["question_id"] not in seen
        seen.add(question["question_id"])
        session_id = question["session_id"]
        answer = right_answer(question, await correct_answer_of(empty_database, question["question_id"]))
        async with http.post("/api/v1/training/answers", headers=auth,
                             json={"served_id": question["served_id"], "answer": answer}) as r:
            assert r.status == 200, await r.text()
            result = await r.json()
        assert result["correct"] is True and result["points"] == result["max_points"] == question["points"]
        assert result["explanation"]

    async with http.get("/api/v1/training/next", headers=auth) as r:
        skipped = await r.json()
    async with http.post("/api/v1/training/skip", headers=auth, json={"served_id": skipped["served_id"]}) as r:
        assert r.status == 204
    async with http.post("/api/v1/reports", headers=auth,
                         json={"question_id": skipped["question_id"], "text": "Опечатка в условии"}) as r:
        assert r.status == 201
        assert (await r.json())["status"] == "open"
    async with http.post(f"/api/v1/training/sessions/{session_id}/finish", headers=auth) as r:
        summary = await r.json()
    assert (summary["answered"], summary["correct"], summary["skipped"]) == (5, 5, 1)


async def test_wrong_answer_shows_the_right_one_and_retry_records_once(http, empty_database):
    _, token = await registered_token(http)
    auth = bearer(token)
    async with http.get("/api/v1/training/next", headers=auth) as r:
        question = await r.json()
    wrong = {"yes_no": None, "one": None, "multiple": None, "open": "заведомо неверный ответ"}[question["type"]]
    if wrong is None:
        correct = await correct_answer_of(empty_database, question["question_id"])
        wrong = (not correct) if question["type"] == "yes_no" else (
            (correct + 1) % len(question["options"]) if question["type"] == "one" else [])
    body = {"served_id": question["served_id"], "answer": wrong}
    results = await asyncio.gather(*(_post_json(http, "/api/v1/training/answers", body, auth) for _ in range(3)))
    assert all(result == results[0] for result in results)
    assert results[0]["correct"] is False and results[0]["correct_answer_text"]
    async with aiopg.connect(empty_database) as conn, conn.cursor() as cur:
        await cur.execute("SELECT count(*) FROM attempts WHERE served_id = %s", (question["served_id"],))
        assert (await cur.fetchone())[0] == 1


async def _post_json(http, url: str, body: dict, headers: dict) -> dict:
    async with http.post(url, json=body, headers=headers) as r:
        assert r.status == 200, await r.text()
        return await r.json()


async def test_bad_training_input_is_a_clear_problem(http):
    _, token = await registered_token(http)
    auth = bearer(token)
    async with http.post("/api/v1/training/answers", headers=auth, json={"served_id": 999999, "answer": 1}) as r:
        await problem(r, 404)
    async with http.get("/api/v1/training/next", headers=auth) as r:
        question = await r.json()
    async with http.post("/api/v1/training/answers", headers=auth,
                         json={"served_id": question["served_id"], "answer": {"x": 1}}) as r:
        await problem(r, 422)
    shape = {"yes_no": "да", "one": [0, 1], "multiple": True, "open": 5}[question["type"]]
    async with http.post("/api/v1/training/answers", headers=auth,
                         json={"served_id": question["served_id"], "answer": shape}) as r:
        body = await problem(r, 422)
        assert body["errors"]
    async with http.get("/api/v1/training/next", headers=auth) as r:  # nothing was recorded: same question
        assert (await r.json())["served_id"] == question["served_id"]
    async with http.post("/api/v1/reports", headers=auth, json={"question_id": question["question_id"], "text": ""}) as r:
        await problem(r, 422)
    async with http.get("/api/v1/training/next") as r:
        await problem(r, 401)
    too_big = 2**63  # ids are bigints: beyond them nothing exists, and it is bad input, not a crash
    async with http.get("/api/v1/training/next", headers=auth, params={"session_id": str(too_big)}) as r:
        assert "session_id" in (await problem(r, 422))["errors"][0]["loc"]
    async with http.post("/api/v1/training/answers", headers=auth, json={"served_id": too_big, "answer": 1}) as r:
        await problem(r, 422)


async def test_someone_elses_served_question_is_not_found(http):
    _, first = await registered_token(http)
    _, second = await registered_token(http)
    async with http.get("/api/v1/training/next", headers=bearer(first)) as r:
        question = await r.json()
    async with http.post("/api/v1/training/answers", headers=bearer(second),
                         json={"served_id": question["served_id"], "answer": True}) as r:
        await problem(r, 404)


async def test_full_simulation_verdicts_only_at_the_end(http, empty_database):
    _, token = await registered_token(http)
    auth = bearer(token)
    async with http.get("/api/v1/simulations/papers", headers=auth) as r:
        papers = await r.json()
    paper = next(p for p in papers if p["subject"] == "economics")
    body = {k: paper[k] for k in ("subject", "olympiad", "stage", "year")} | {"size": 4, "minutes": 10}
    async with http.post("/api/v1/simulations", headers=auth, json=body) as r:
        assert r.status == 201, await r.text()
        simulation = await r.json()
    assert simulation["seconds_left"] > 0 and simulation["result"] is None and len(simulation["items"]) == 4
    async with http.post("/api/v1/simulations", headers=auth, json=body) as r:
        await problem(r, 409)  # one paper at a time
    for item in simulation["items"][:3]:
        question = item["question"]
        answer = right_answer(question, await correct_answer_of(empty_database, question["question_id"]))
        async with http.put(f"/api/v1/simulations/{simulation['id']}/answers/{question['served_id']}",
                            headers=auth, json={"answer": answer}) as r:
            saved = await r.json()
            assert r.status == 200 and "correct" not in saved
    async with http.post(f"/api/v1/simulations/{simulation['id']}/finish", headers=auth) as r:
        result = await r.json()
    assert (result["answered"], result["correct"], result["size"]) == (3, 3, 4)
    assert result["points"] == sum(i["max_points"] for i in result["items"] if i["answer"] is not None)
    assert result["themes"] and all(i["explanation"] for i in result["items"])
    async with http.put(f"/api/v1/simulations/{simulation['id']}/answers/{simulation['items'][3]['question']['served_id']}",
                        headers=auth, json={"answer": True}) as r:
        await problem(r, 409)  # the paper is handed in
    async with http.get("/api/v1/simulations/active", headers=auth) as r:
        await problem(r, 404)


async def test_a_session_that_showed_every_question_says_which_session_to_finish(http, empty_database):
    async with aiopg.connect(empty_database) as conn, conn.cursor() as cur:
        await cur.execute("DELETE FROM questions WHERE id <> (SELECT min(id) FROM questions WHERE type = 'yes_no')")
    _, token = await registered_token(http)
    auth = bearer(token)
    async with http.get("/api/v1/training/next", headers=auth) as r:
        question = await r.json()
    async with http.post("/api/v1/training/skip", headers=auth, json={"served_id": question["served_id"]}) as r:
        assert r.status == 204
    async with http.get("/api/v1/training/next", headers=auth) as r:  # a client that kept no session id
        exhausted = await problem(r, 404)
    assert exhausted["type"].endswith("session_exhausted") and exhausted["session_id"] == question["session_id"]
    async with http.post(f"/api/v1/training/sessions/{exhausted['session_id']}/finish", headers=auth) as r:
        assert r.status == 200
    async with http.get("/api/v1/training/next", headers=auth) as r:  # a new session shows it again
        again = await r.json()
    assert again["question_id"] == question["question_id"] and again["session_id"] != question["session_id"]
