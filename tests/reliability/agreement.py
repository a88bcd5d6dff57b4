"""Do the derived stores agree with the attempts in PostgreSQL? Statistics (over REST, as a student
sees them), ratings and the mistakes queue (their tables), and an empty outbox.

    mismatches = await disagreements(dsn, base_url, tokens)   # {} when everything agrees
    await agreement_within(10.0, dsn, base_url, tokens)       # polls until {} or raises
"""
from __future__ import annotations

import asyncio
from time import monotonic

import aiohttp
import aiopg

ATTEMPTS = "SELECT user_id, count(*) FROM attempts GROUP BY user_id"
RATED = "SELECT user_id, count(*) FROM rating_updates GROUP BY user_id"
RATING_ANSWERS = "SELECT user_id, sum(answers)::bigint FROM user_ratings GROUP BY user_id"
CARDS_DUE = """SELECT DISTINCT user_id, question_id FROM rating_updates WHERE review_grade IS NOT NULL
               ORDER BY 1, 2"""
CARDS = "SELECT user_id, question_id FROM review_cards ORDER BY 1, 2"
OUTBOX = "SELECT count(*) FROM outbox WHERE NOT dead"
WAITING = """SELECT id, event_type, user_key, claimed_by, attempts, pending, last_error,
                    round(extract(epoch FROM now() - created_at)::numeric, 1) AS age,
                    claimed_by IN (SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory'
                                   AND objsubid = 2 AND granted) AS claimer_alive
             FROM outbox ORDER BY id LIMIT 5"""


async def disagreements(dsn: str, base_url: str, tokens: list[str]) -> dict[str, object]:
    async with aiopg.connect(dsn) as conn, conn.cursor() as cur:
        found = {}
        for name, sql in (("attempts", ATTEMPTS), ("rated", RATED), ("rating_answers", RATING_ANSWERS)):
            await cur.execute(sql)
            found[name] = dict(await cur.fetchall())
        await cur.execute(CARDS_DUE)
        cards_due = await cur.fetchall()
        await cur.execute(CARDS)
        cards = await cur.fetchall()
        await cur.execute(OUTBOX)
        (outbox,), = await cur.fetchall()
        await cur.execute(WAITING)
        waiting = await cur.fetchall()
    counted = await _counted_in_stats(base_url, tokens)
    attempts = found["attempts"]
    mismatches: dict[str, object] = {}
    if {user: n for user, n in counted.items() if n} != attempts:
        mismatches["statistics"] = (counted, attempts)
    if found["rated"] != attempts:
        mismatches["ratings applied"] = (found["rated"], attempts)
    if found["rating_answers"] != attempts:
        mismatches["rating answers"] = (found["rating_answers"], attempts)
    if cards != cards_due:
        mismatches["review cards"] = (len(cards), len(cards_due))
    if outbox:
        mismatches["outbox backlog"] = (outbox, waiting)
    return mismatches


async def agreement_within(seconds: float, dsn: str, base_url: str, tokens: list[str]) -> float:
    """Seconds until everything agreed; raises with what still disagrees after `seconds`."""
    started = monotonic()
    while True:
        mismatches = await disagreements(dsn, base_url, tokens)
        if not mismatches:
            return monotonic() - started
        if monotonic() - started > seconds:
            raise AssertionError(f"still disagreeing after {seconds} s: {mismatches}")
        await asyncio.sleep(0.25)


async def _counted_in_stats(base_url: str, tokens: list[str]) -> dict[int, int]:
    """Each student's attempts as /stats/me counts them, by user id."""
    async with aiohttp.ClientSession(base_url) as http:
        counted = {}
        for token in tokens:
            headers = {"Authorization": f"Bearer {token}"}
            async with http.get("/api/v1/me", headers=headers) as me, \
                    http.get("/api/v1/stats/me", headers=headers) as stats:
                assert me.status == stats.status == 200, await stats.text()
                counted[(await me.json())["id"]] = (await stats.json())["totals"]["attempts"]
        return counted
