"""The mailing worker against an in-memory ledger (the SQL's state rules) and a scripted sender.

What is checked is the shape of the sending loop, not its speed: every message goes only after its
`sending` mark committed, and neither the outcome writes nor Telegram's answers hold the next group
back (a loop that awaited them between groups would stop after the first group below).
"""
from __future__ import annotations

import asyncio
from types import SimpleNamespace

from actors.mailing.options import MailingOptions
from actors.mailing.pacing import ChatPacer, RateLimiter
from actors.mailing.sender import Blocked, RetryAfter, SendResult, Sent
from actors.mailing.worker import MailingWorker
from storage.postgres.recipients_repo import ClaimedRecipient, Outcome

MAILING, ME = 7, "me"
OPTIONS = MailingOptions(rate=200, lease_seconds=30)  # groups of 11, half a burst (5) per mark
LIVENESS = 20.0  # seconds; only a hung worker gets near this


class MemoryLedger:
    """MailingLedger's contract on a dict: the same state rules as recipients_repo.py's SQL."""

    def __init__(self, user_ids: range) -> None:
        self.rows = {u: SimpleNamespace(state="pending", owner=None) for u in user_ids}
        self.status = "running"
        self.writes_gate = asyncio.Event()
        self.writes_gate.set()
        self.writes_started = 0

    async def materialize(self, mailing_id: int) -> None:
        pass

    async def claim(self, mailing_id: int, limit: int) -> list[ClaimedRecipient] | None:
        if self.status != "running":
            return None
        free = [u for u, r in sorted(self.rows.items()) if r.state == "pending" and r.owner in (None, ME)][:limit]
        for user_id in free:
            self.rows[user_id].owner = ME
        return [ClaimedRecipient(user_id=u, chat_id=u, bot_blocked=False) for u in free]

    async def mark_sending(self, mailing_id: int, user_ids: list[int], *, renew: bool) -> set[int]:
        await asyncio.sleep(0)  # a round trip
        if self.status != "running":
            return set()
        marked = {u for u in user_ids if self.rows[u].state == "pending" and self.rows[u].owner == ME}
        for user_id in marked:
            self.rows[user_id].state = "sending"
        return marked

    async def record(self, mailing_id: int, outcomes: list[Outcome], *, from_state: str = "sending") -> dict[int, str]:
        self.writes_started += 1
        await self.writes_gate.wait()
        applied = {}
        for outcome in outcomes:
            row = self.rows[outcome.user_id]
            if row.state == from_state and row.owner == ME:
                row.state = outcome.state
                row.owner = ME if outcome.state == "pending" else None
                applied[outcome.user_id] = outcome.state
        return applied

    async def still_running(self, mailing_id: int) -> bool:
        return self.status == "running"

    async def finish_if_done(self, mailing_id: int) -> SimpleNamespace | None:
        if any(r.state in ("pending", "sending") for r in self.rows.values()):
            return None
        self.status = "finished"
        states = [r.state for r in self.rows.values()]
        return SimpleNamespace(id=mailing_id, total=len(states), sent=states.count("sent"),
                               failed=states.count("failed"), blocked=states.count("blocked"),
                               interrupted=states.count("interrupted"))

    async def release(self, mailing_id: int) -> None:
        for row in self.rows.values():
            if row.owner == ME and row.state == "pending":
                row.owner = None


class ScriptedSender:
    """Answers Sent unless scripted; asserts that each message's mark committed before it went."""

    def __init__(self, ledger: MemoryLedger, script: dict[int, list[SendResult]] | None = None) -> None:
        self.ledger, self.script = ledger, script or {}
        self.calls: list[int] = []
        self.answer_gate = asyncio.Event()
        self.answer_gate.set()
        self.waiting = self.most_waiting = 0

    async def send(self, chat_id: int, html: str, photo: str | None, buttons=()) -> SendResult:
        assert self.ledger.rows[chat_id].state == "sending", chat_id
        self.calls.append(chat_id)
        self.waiting += 1
        self.most_waiting = max(self.most_waiting, self.waiting)
        try:
            await self.answer_gate.wait()
        finally:
            self.waiting -= 1
        answers = self.script.get(chat_id)
        return answers.pop(0) if answers else Sent()

    async def close(self) -> None:
        pass


class PauseSpy(RateLimiter):
    def __init__(self, rate: float) -> None:
        super().__init__(rate)
        self.pauses: list[float] = []

    def pause(self, seconds: float) -> None:
        self.pauses.append(seconds)
        super().pause(seconds)


def worker_for(ledger: MemoryLedger, sender: ScriptedSender, limiter: RateLimiter | None = None) -> MailingWorker:
    return MailingWorker(MAILING, "<b>hi</b>", None, ledger, sender, limiter or RateLimiter(OPTIONS.rate),
                         ChatPacer(OPTIONS.per_chat_interval), OPTIONS)


async def until(condition, what: str) -> None:
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.005)
    try:
        await asyncio.wait_for(poll(), LIVENESS)
    except TimeoutError:
        raise AssertionError(f"never happened: {what}") from None


async def test_sends_go_on_while_outcome_writes_are_stuck():
    ledger = MemoryLedger(range(1000, 1100))
    sender = ScriptedSender(ledger)
    ledger.writes_gate.clear()  # the database takes its time with every outcome write
    task = asyncio.create_task(worker_for(ledger, sender).run())
    await until(lambda: len(sender.calls) == 100, "every recipient sent while no outcome was written yet")
    assert ledger.writes_started == 1 and not task.done()  # the first write is still stuck
    ledger.writes_gate.set()
    await asyncio.wait_for(task, LIVENESS)
    assert sorted(sender.calls) == list(range(1000, 1100))  # one message each
    assert {r.state for r in ledger.rows.values()} == {"sent"} and ledger.status == "finished"


async def test_groups_go_on_while_telegram_has_not_answered_but_only_up_to_the_in_flight_limit():
    ledger = MemoryLedger(range(2000, 2300))
    sender = ScriptedSender(ledger)
    sender.answer_gate.clear()  # Telegram answers nothing for a while
    task = asyncio.create_task(worker_for(ledger, sender).run())
    await until(lambda: sender.waiting == OPTIONS.in_flight_limit, "sends of many groups awaiting answers at once")
    assert OPTIONS.in_flight_limit > OPTIONS.group_size
    await asyncio.sleep(0.1)
    assert len(sender.calls) == OPTIONS.in_flight_limit  # no more start until some land
    sender.answer_gate.set()
    await asyncio.wait_for(task, LIVENESS)
    assert sorted(sender.calls) == list(range(2000, 2300))
    assert sender.most_waiting == OPTIONS.in_flight_limit


async def test_a_429_pauses_sending_and_its_recipient_is_sent_again_and_a_403_is_recorded_as_blocked():
    ledger = MemoryLedger(range(3000, 3060))
    sender = ScriptedSender(ledger, {3010: [RetryAfter(0.2)], 3020: [Blocked("bot was blocked")]})
    limiter = PauseSpy(OPTIONS.rate)
    await asyncio.wait_for(worker_for(ledger, sender, limiter).run(), LIVENESS)
    assert limiter.pauses == [0.2]
    assert sender.calls.count(3010) == 2 and all(sender.calls.count(c) == 1 for c in range(3000, 3060) if c != 3010)
    assert ledger.rows[3010].state == "sent" and ledger.rows[3020].state == "blocked"
    assert sum(r.state == "sent" for r in ledger.rows.values()) == 59 and ledger.status == "finished"


async def test_stop_lets_the_sends_in_flight_land_and_hands_the_rest_back():
    ledger = MemoryLedger(range(4000, 4200))
    sender = ScriptedSender(ledger)
    sender.answer_gate.clear()
    worker = worker_for(ledger, sender)
    task = asyncio.create_task(worker.run())
    await until(lambda: len(sender.calls) >= 20, "some sends in flight")
    worker.stop()
    await asyncio.sleep(0.05)
    assert not task.done()  # it waits for the answers of what already went
    sender.answer_gate.set()
    await asyncio.wait_for(task, LIVENESS)
    went = set(sender.calls)
    assert {u for u, r in ledger.rows.items() if r.state == "sent"} == went
    assert all(r.state == "pending" and r.owner is None for u, r in ledger.rows.items() if u not in went)
