"""A bounded load on the REST training loop: N clients doing next + answer, every response kept.

    load = TrainingLoad(base_url, tokens)
    task = asyncio.create_task(load.run())
    await load.wait_for_acks(20)           # warmed up
    ...break something...
    load.stop.set(); await task
    load.acknowledged                      # attempt_id -> served_id of every 200 with an attempt_id

Each request has a client timeout, so a hang shows up as a response with status None and error
"TimeoutError". Loops are bounded in rounds per client; a failure pauses the client a little.
"""
from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from time import monotonic
from typing import Any

import aiohttp

from tests.e2e.api.helpers import registered_token

# A well-formed answer for each question type (right or wrong does not matter here).
ANSWERS: dict[str, Any] = {"yes_no": True, "one": 0, "multiple": [0], "open": "42"}


@dataclass(frozen=True)
class Response:
    client: int
    kind: str  # "next" | "answer" | "finish"
    sent: float  # monotonic, when the request left
    took: float  # seconds until the whole answer was read (or the failure)
    status: int | None  # None: no HTTP answer (connection refused/reset, client timeout)
    content_type: str
    body: Any
    retry_after: str | None
    error: str | None  # the client-side exception's name when status is None

    @property
    def acknowledged_attempt(self) -> int | None:
        if self.kind == "answer" and self.status == 200 and isinstance(self.body, dict):
            return self.body.get("attempt_id")
        return None


@dataclass
class TrainingLoad:
    base_url: str
    tokens: list[str]
    timeout: float = 5.0  # client timeout per request: longer than this counts as a hang
    max_rounds: int = 3000  # per client
    pause_after_failure: float = 0.05
    responses: list[Response] = field(default_factory=list)
    acknowledged: dict[int, int] = field(default_factory=dict)  # attempt_id -> served_id
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    _last_session: dict[int, int] = field(default_factory=dict)  # client -> its training session

    async def run(self) -> None:
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(self.base_url, connector=connector) as session:
            await asyncio.gather(*(self._client(session, n, token) for n, token in enumerate(self.tokens)))

    async def _client(self, session: aiohttp.ClientSession, n: int, token: str) -> None:
        headers = {"Authorization": f"Bearer {token}"}
        for _ in range(self.max_rounds):
            if self.stop.is_set():
                return
            shown = await self._call(session, n, "next", "GET", "/api/v1/training/next", headers)
            if shown.status == 409 and isinstance(shown.body, dict):  # every question seen: a new session
                await self._finish_session(session, n, headers)
                continue
            if shown.status != 200:
                await asyncio.sleep(self.pause_after_failure)
                continue
            question = shown.body
            self._last_session[n] = question["session_id"]
            body = {"served_id": question["served_id"], "answer": ANSWERS[question["type"]]}
            answered = await self._call(session, n, "answer", "POST", "/api/v1/training/answers", headers,
                                        body)
            if (attempt := answered.acknowledged_attempt) is not None:
                self.acknowledged[attempt] = question["served_id"]
            elif answered.status != 200:
                await asyncio.sleep(self.pause_after_failure)

    async def _finish_session(self, session: aiohttp.ClientSession, n: int, headers: dict) -> None:
        session_id = self._last_session.get(n)
        if session_id is None:
            await asyncio.sleep(self.pause_after_failure)
            return
        finished = await self._call(session, n, "finish", "POST",
                                    f"/api/v1/training/sessions/{session_id}/finish", headers)
        if finished.status != 200:
            await asyncio.sleep(self.pause_after_failure)

    async def _call(self, session: aiohttp.ClientSession, n: int, kind: str, method: str, url: str,
                    headers: dict, body: dict | None = None) -> Response:
        sent = monotonic()
        try:
            async with session.request(method, url, json=body, headers=headers,
                                       timeout=aiohttp.ClientTimeout(total=self.timeout)) as r:
                raw = await r.read()
                response = Response(n, kind, sent, monotonic() - sent, r.status, r.content_type,
                                    _decode(raw), r.headers.get("Retry-After"), None)
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            response = Response(n, kind, sent, monotonic() - sent, None, "", None, None, type(error).__name__)
        self.responses.append(response)
        return response

    # --- reading the record ------------------------------------------------------------------

    def sent_between(self, start: float, end: float) -> list[Response]:
        return [r for r in self.responses if start <= r.sent and r.sent + r.took <= end]

    def acks_between(self, start: float, end: float) -> list[int]:
        return [a for r in self.sent_between(start, end) if (a := r.acknowledged_attempt) is not None]

    async def wait_for_acks(self, count: int, timeout: float = 15.0) -> None:
        deadline = monotonic() + timeout
        start = len(self.acknowledged)
        while len(self.acknowledged) - start < count:
            if monotonic() > deadline:
                raise AssertionError(f"only {len(self.acknowledged) - start} answers acknowledged in "
                                     f"{timeout} s; last responses: {self.responses[-5:]}")
            await asyncio.sleep(0.02)

    async def first_ok_after(self, moment: float, timeout: float) -> Response:
        """The first 200 (of next or answer) to a request sent after `moment`, waiting up to timeout."""
        deadline = monotonic() + timeout
        while monotonic() < deadline:
            done = [r for r in self.responses if r.sent >= moment and r.status == 200]
            if done:
                return min(done, key=lambda r: r.sent + r.took)
            await asyncio.sleep(0.01)
        raise AssertionError(f"no 200 within {timeout} s after the moment; last: {self.responses[-5:]}")


def _decode(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode(errors="replace")


async def student_tokens(base_url: str, count: int) -> list[str]:
    """Registers `count` students over REST and logs each in; their bearer tokens. A few at a time:
    argon2 is slow on purpose, and too many at once would meet the ask timeout (a 503)."""
    gate = asyncio.Semaphore(3)

    async def one(http: aiohttp.ClientSession) -> str:
        async with gate:
            return (await registered_token(http))[1]

    async with aiohttp.ClientSession(base_url) as http:
        return list(await asyncio.gather(*(one(http) for _ in range(count))))
