"""A real actor of the service crashing repeatedly: the training actor's attempts storage is made to
raise ActorCrash for one student (the app is built with the production create_app, in process).

The supervisor restarts the crashed shard, and the messages that were waiting in its mailbox are
handled by the new instance (none lost). When the restart budget is spent the shard is given up:
waiting callers get 503 at once, /readyz answers 503 and names the actor, and the other actors
(and the training shards of other students) go on serving.
"""
from __future__ import annotations

import asyncio
from collections import Counter
from time import monotonic

import aiopg
import pytest

from actors.runtime import ActorCrash, SupervisorPolicy
from app.http.errors_middleware import INTERNAL_ERROR_DETAIL
from app.keys import ACTORS
from storage.postgres.attempts_repo import AttemptsRepository
from tests.e2e.api.helpers import bearer, registered_token
from tests.reliability.load import ANSWERS

BUDGET = SupervisorPolicy().max_restarts  # the policy the app gives the training actor


class CrashingAttempts:
    """Makes AttemptsRepository.insert_training (a training answer's write) raise ActorCrash for one user: `crash(n, queued)` for the next
    n of their inserts, `crash(None, queued)` for all of them. The first crash of a round waits inside
    the handler until `queued` messages are waiting behind it in the shard's mailbox."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, user_id: int, shard) -> None:
        self.user_id, self.shard = user_id, shard
        self.left: int | None = 0
        self.waiting_at_crash: list[int] = []  # the mailbox length at each crash
        self._queued = 0
        self.holding = asyncio.Event()  # set while the first crash of a round waits for the queue
        real = AttemptsRepository.insert_training

        async def insert(repo, tx, attempt, session_id, event):
            if attempt.user_id != self.user_id or self.left == 0:
                return await real(repo, tx, attempt, session_id, event)
            if self.left is not None:
                self.left -= 1
            if self._queued:
                self.holding.set()
                await self._wait_for_queue(self._queued)
                self._queued = 0
            self.waiting_at_crash.append(len(self.shard.mailbox))
            raise ActorCrash("attempts storage is corrupt (injected by the test)")

        monkeypatch.setattr(AttemptsRepository, "insert_training", insert)

    def crash(self, times: int | None, queued: int) -> None:
        self.left, self._queued = times, queued
        self.holding.clear()

    async def _wait_for_queue(self, size: int) -> None:
        deadline = monotonic() + 10.0
        while len(self.shard.mailbox) < size and monotonic() < deadline:
            await asyncio.sleep(0.01)


async def test_a_crashing_actor_keeps_its_mailbox_then_is_named_unhealthy(http, live_app, monkeypatch,
                                                                        empty_database):
    training = live_app.app[ACTORS].ref("training")
    victim, victim_token = await registered_token(http)
    victim_shard = training.shards[hash(victim["id"]) % len(training.shards)]  # training_shard_key: user id
    bystander, bystander_token = await registered_token(http)
    while training.shards[hash(bystander["id"]) % len(training.shards)] is victim_shard:
        bystander, bystander_token = await registered_token(http)
    question = await _get(http, "/api/v1/training/next", victim_token)
    answer = {"served_id": question["served_id"], "answer": ANSWERS[question["type"]]}
    faults = CrashingAttempts(monkeypatch, victim["id"], victim_shard)

    # Round 1: three crashes, with seven more of the student's messages waiting in the mailbox.
    faults.crash(3, queued=7)
    first = asyncio.create_task(_send(http, "POST", "/api/v1/training/answers", victim_token, answer))
    await asyncio.wait_for(faults.holding.wait(), 10)  # the shard is inside the first crash now
    round_one = [*await asyncio.gather(
        *[_send(http, "POST", "/api/v1/training/answers", victim_token, answer) for _ in range(5)],
        *[_send(http, "GET", "/api/v1/training/next", victim_token) for _ in range(2)]), await first]
    assert Counter(status for status, _ in round_one) == {500: 3, 200: 5}, round_one
    assert faults.waiting_at_crash[0] == 7  # they were queued behind the crash, and none was lost
    for status, body in round_one:
        if status == 500:  # the caller of the crashing message learns it failed, nothing internal leaks
            assert body["detail"] == INTERNAL_ERROR_DETAIL and "injected" not in str(body)
    verdicts = {body["attempt_id"] for status, body in round_one if status == 200 and "attempt_id" in body}
    assert len(verdicts) == 1  # retries of one served question: one attempt, the same verdict for all
    assert (victim_shard.metrics.restarts, victim_shard.alive, victim_shard.healthy) == (3, True, True)
    async with http.get("/readyz") as response:
        assert response.status == 200

    # Round 2: crashing for good. Two restarts are left; the third crash gives the shard up, and the
    # message still waiting behind it is answered 503 at once instead of hanging.
    question = await _get(http, "/api/v1/training/next", victim_token)
    answer = {"served_id": question["served_id"], "answer": ANSWERS[question["type"]]}
    faults.crash(None, queued=3)
    first = asyncio.create_task(_send(http, "POST", "/api/v1/training/answers", victim_token, answer))
    await asyncio.wait_for(faults.holding.wait(), 10)
    round_two = [*await asyncio.gather(*[_send(http, "POST", "/api/v1/training/answers", victim_token, answer)
                                         for _ in range(3)]), await first]
    assert Counter(status for status, _ in round_two) == {500: BUDGET - 3 + 1, 503: 1}, round_two
    assert (victim_shard.metrics.restarts, victim_shard.healthy) == (BUDGET, False)

    async with http.get("/readyz") as response:
        ready = await response.json()
        assert response.status == 503
    assert ready["status"] == "not ready" and ready["stores"]["postgres"] == "ok"
    assert ready["actors"]["training"]["healthy"] is False and ready["actors"]["training"]["alive"] is False
    assert ready["actors"]["training"]["restarts"] == BUDGET
    assert [name for name, actor in ready["actors"].items() if not actor["healthy"]] == ["training"]

    # The given-up shard answers 503 problem+json at once; everything else still works.
    started = monotonic()
    status, body = await _send(http, "GET", "/api/v1/training/next", victim_token)
    assert (status, body["status"]) == (503, 503) and monotonic() - started < 1.0
    other = await _get(http, "/api/v1/training/next", bystander_token)  # another training shard
    result = await _post(http, "/api/v1/training/answers", bystander_token,
                         {"served_id": other["served_id"], "answer": ANSWERS[other["type"]]})
    for token in (victim_token, bystander_token):
        assert (await _get(http, "/api/v1/me", token))["id"] in (victim["id"], bystander["id"])
        await _get(http, "/api/v1/stats/me", token)
    async with aiopg.connect(empty_database) as conn, conn.cursor() as cur:
        await cur.execute("SELECT user_id, count(*) FROM attempts GROUP BY user_id")
        assert dict(await cur.fetchall()) == {victim["id"]: 1, bystander["id"]: 1}
    assert result["attempt_id"]

    print(f"\n[reliability] actor crash: {len(faults.waiting_at_crash)} crashes, {BUDGET} restarts, then "
          f"given up; {faults.waiting_at_crash[0]} messages were waiting at the first crash, all answered")


async def _send(http, method: str, url: str, token: str, body: dict | None = None) -> tuple[int, dict]:
    async with http.request(method, url, json=body, headers=bearer(token)) as response:
        payload = await response.json()
        if response.status >= 500:
            assert response.content_type == "application/problem+json"
        return response.status, payload


async def _get(http, url: str, token: str) -> dict:
    status, body = await _send(http, "GET", url, token)
    assert status == 200, body
    return body


async def _post(http, url: str, token: str, body: dict) -> dict:
    status, reply = await _send(http, "POST", url, token, body)
    assert status == 200, reply
    return reply
