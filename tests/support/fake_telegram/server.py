"""FakeTelegram: a Bot API server on 127.0.0.1 for end-to-end bot tests, plus the test's handles.

The real aiogram Bot talks to it over HTTP (``{base}/bot{token}/{method}``, files at
``{base}/file/bot{token}/{path}``). State lives here; the Bot API semantics are in ``methods``,
the update queue in ``updates``, scripted users in ``users``, faults in ``faults``.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import time
from collections.abc import Callable
from typing import Any, Self

from aiohttp import web

from .chats import ChatState
from .errors import METHOD_NOT_FOUND, UNAUTHORIZED, ApiError
from .faults import SEND_METHODS, FaultPlan, RateLimiter, ScriptedFailure
from .methods import BotApi, new_file_ids
from .models import BotOutput, Call, ChatMessage, StoredFile
from .params import read_params
from .updates import UpdateQueue
from .users import CallbackQueryRecord, FakeUser

DEFAULT_TOKEN = "123456:TEST-TOKEN"
# Methods that act on a chat the user may have blocked; reading chat info still works when blocked.
_NOT_BLOCKABLE = frozenset({"getchat", "getchatmember", "getchatadministrators", "getchatmembercount"})


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class FakeTelegram:
    """Owns the fake's state and its aiohttp server. See the package docstring for a tour."""

    def __init__(self, token: str = DEFAULT_TOKEN, *, bot_username: str = "apo_trainer_test_bot",
                 bot_first_name: str = "APO Trainer", strict_chats: bool = False,
                 validate_html: bool = True) -> None:
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.bot_user = {"id": self.bot_id, "is_bot": True, "first_name": bot_first_name,
                         "username": bot_username}
        self.strict_chats = strict_chats  # sends to a chat no user was made for → 400 chat not found
        self.validate_html = validate_html  # reject bad parse_mode=HTML like Telegram does
        self.updates = UpdateQueue()
        self.chats: dict[int | str, ChatState] = {}
        self.users: dict[int, FakeUser] = {}
        self.files: dict[str, StoredFile] = {}
        self.callback_queries: dict[str, CallbackQueryRecord] = {}
        self.my_commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.menu_buttons: dict[int | None, dict[str, Any]] = {}  # chat id (None: the default) -> button
        self.webhook: dict[str, Any] | None = None
        self.faults = FaultPlan()
        self.limiter: RateLimiter | None = None
        self._files_by_path: dict[str, StoredFile] = {}
        self._calls: list[Call] = []
        self._call_waiters: list[tuple[Callable[[Call], bool], asyncio.Future[Call]]] = []
        self._api = BotApi(self)
        self._runner: web.AppRunner | None = None
        self._query_seq = 4_000_000_000_000_000_000
        self._file_seq = 0
        self.base_url = ""

    # --- lifecycle -------------------------------------------------------------------------

    def make_app(self) -> web.Application:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        return app

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve on ``host`` and a free port; returns and sets ``base_url``."""
        runner = web.AppRunner(self.make_app(), access_log=None, handler_cancellation=True,
                               shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, host, port)
        await site.start()
        self._runner = runner
        bound_host, bound_port = runner.addresses[0][:2]
        self.base_url = f"http://{bound_host}:{bound_port}"
        return self.base_url

    async def stop(self) -> None:
        """Answer waiting long polls and stop serving."""
        self.updates.close()
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()
        for _, future in self._call_waiters:
            future.cancel()
        self._call_waiters.clear()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # --- users and chats -------------------------------------------------------------------

    def user(self, id: int, first_name: str = "Test", language_code: str | None = "ru",
             username: str | None = None, last_name: str | None = None) -> FakeUser:
        """The scripted user with this id (created on first call, with a private chat)."""
        existing = self.users.get(id)
        if existing is not None:
            return existing
        user = self.users[id] = FakeUser(self, id, first_name, language_code, username, last_name)
        chat = self.chats.get(id)
        if chat is None:
            self.chats[id] = ChatState(id, user.as_chat())
        else:
            chat.info = user.as_chat()
        return user

    def chat_for(self, user: FakeUser) -> ChatState:
        return self.chats[user.id]

    def open_chat(self, chat_id: int) -> ChatState:
        """A chat the bot writes to without a scripted user (e.g. a mailing to stored ids)."""
        info = ({"id": chat_id, "type": "private", "first_name": f"User {chat_id}"} if chat_id > 0
                else {"id": chat_id, "type": "group", "title": f"Group {chat_id}"})
        chat = self.chats[chat_id] = ChatState(chat_id, info)
        return chat

    async def push_update(self, update: dict[str, Any]) -> int:
        """Enqueue any update dict for the bot; returns its update_id."""
        return self.updates.push(update)

    # --- what the bot did ------------------------------------------------------------------

    def calls(self, method: str | None = None) -> list[Call]:
        """Every call received (in order), or those of one method (case-insensitive)."""
        if method is None:
            return list(self._calls)
        key = method.lower()
        return [c for c in self._calls if c.method.lower() == key]

    async def wait_for_call(self, method: str, predicate: Callable[[Call], bool] | None = None,
                            timeout: float = 5.0) -> Call:
        """The first answered call of ``method`` (matching ``predicate``), past or future."""
        key = method.lower()

        def match(call: Call) -> bool:
            return call.method.lower() == key and (predicate is None or predicate(call))

        for call in self._calls:
            if call.status is not None and match(call):
                return call
        future: asyncio.Future[Call] = asyncio.get_running_loop().create_future()
        entry = (match, future)
        self._call_waiters.append(entry)
        try:
            return await asyncio.wait_for(future, timeout)
        except TimeoutError:
            raise AssertionError(f"no {method} call within {timeout}s") from None
        finally:
            if entry in self._call_waiters:
                self._call_waiters.remove(entry)

    async def next_message(self, chat_id: int | str, timeout: float = 5.0) -> BotOutput:
        """The next bot output to this chat not yet read by this method: a sent message/photo/
        document or an edit, in the order the fake answered them. Raises AssertionError on timeout."""
        return await self._chat_state(chat_id).next_output(timeout)

    async def assert_no_message(self, chat_id: int | str, within: float = 0.3) -> None:
        """Fail if the bot puts out anything new to this chat within ``within`` seconds."""
        try:
            output = await self._chat_state(chat_id).next_output(within)
        except AssertionError:
            return
        raise AssertionError(f"unexpected bot output to chat {chat_id}: {output!r}")

    def outputs(self, chat_id: int | str) -> list[BotOutput]:
        """All bot outputs to this chat so far (does not move ``next_message``'s cursor)."""
        chat = self.chats.get(chat_id)
        return list(chat.outputs) if chat is not None else []

    def chat_messages(self, chat_id: int | str) -> list[ChatMessage]:
        """Messages in the chat now, by message id, after edits and without deleted ones."""
        chat = self.chats.get(chat_id)
        return list(chat.messages.values()) if chat is not None else []

    def sent_count(self, chat_id: int | str | None = None) -> int:
        """New messages the bot sent successfully (to one chat or to all); edits don't count."""
        if chat_id is not None:
            chat = self.chats.get(chat_id)
            return chat.sent if chat is not None else 0
        return sum(chat.sent for chat in self.chats.values())

    def callback_answer(self, query_id: str) -> dict[str, Any] | None:
        """The params of the bot's answerCallbackQuery for this query, or None if unanswered."""
        record = self.callback_queries.get(query_id)
        return record.answer if record is not None else None

    def commands(self, scope: dict[str, Any] | None = None, language_code: str = "") -> list[dict[str, Any]]:
        """Commands the bot set for this scope (default scope) and language."""
        key = (json.dumps(scope or {"type": "default"}, sort_keys=True), language_code)
        return self.my_commands.get(key, [])

    # --- faults ----------------------------------------------------------------------------

    def fail_next(self, method: str, status: int = 429, retry_after: int | None = 1, times: int = 1,
                  description: str | None = None, chat_id: Any = None, disconnect: bool = False) -> None:
        """The next ``times`` calls of ``method`` (to ``chat_id``, if given) fail with ``status``
        (``retry_after`` is only sent with 429), or drop the connection with ``disconnect=True``."""
        self.faults.fail_next(method, ScriptedFailure(
            status, retry_after if status == 429 else None, description, chat_id, times, disconnect))

    def slow_next(self, method: str, seconds: float, times: int = 1) -> None:
        """Delay the answer to the next ``times`` calls of ``method``."""
        self.faults.slow_next(method, seconds, times)

    def block_user(self, user_id: int) -> None:
        """Every call to this chat answers 403 "Forbidden: bot was blocked by the user"."""
        self.faults.blocked.add(user_id)

    def unblock_user(self, user_id: int) -> None:
        self.faults.blocked.discard(user_id)

    def rate_limit(self, global_per_second: int | None = 30, per_chat_per_second: int | None = 1,
                   window: float = 1.0) -> RateLimiter:
        """Enforce send rates (sliding windows); excess sends answer 429 with retry_after and count
        in ``rate_violations``. Pass None for a limit to leave it out; ``rate_limit(None, None)``
        turns limiting off."""
        self.limiter = RateLimiter(global_per_second, per_chat_per_second, window)
        return self.limiter

    @property
    def rate_violations(self) -> int:
        return self.limiter.violations if self.limiter is not None else 0

    def mark_query_stale(self, query_id: str) -> None:
        """answerCallbackQuery for this id answers 400 "query is too old..."."""
        self.faults.stale_queries.add(query_id)

    # --- state used by methods and users ---------------------------------------------------

    def store_file(self, content: bytes | None, filename: str | None, mime_type: str | None,
                   folder: str) -> StoredFile:
        self._file_seq += 1
        suffix = ""
        if filename and "." in filename:
            suffix = "." + filename.rsplit(".", 1)[1]
        file_id, unique_id = new_file_ids("BQACAgIAAxkBAAI")
        stored = StoredFile(file_id, unique_id, f"{folder}/file_{self._file_seq}{suffix}", content,
                            filename, mime_type)
        self.files[file_id] = stored
        self._files_by_path[stored.file_path] = stored
        return stored

    def new_callback_query(self, user_id: int, message_id: int, data: str | None) -> str:
        self._query_seq += 1
        query_id = str(self._query_seq)
        self.callback_queries[query_id] = CallbackQueryRecord(query_id, user_id, message_id, data)
        return query_id

    def _chat_state(self, chat_id: int | str) -> ChatState:
        chat = self.chats.get(chat_id)
        if chat is None:  # waiting before the bot ever wrote there
            chat = self.open_chat(chat_id) if isinstance(chat_id, int) else ChatState(chat_id, {})
        return chat

    # --- HTTP ------------------------------------------------------------------------------

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        key = method.lower()
        call = Call(method, {}, time.time(), status=None)
        self._calls.append(call)
        try:
            call.params = await read_params(request)
            if request.match_info["token"] != self.token:
                raise ApiError(401, UNAUTHORIZED)
            result = await self._run(key, call.params, request)
        except ApiError as exc:
            call.status, call.error = exc.status, exc.description
            self._answered(call)
            return web.Response(text=_dumps(exc.payload()), status=exc.status,
                                content_type="application/json")
        except asyncio.CancelledError:  # the client went away (e.g. a long poll cut by stop_polling)
            call.status, call.error = 499, "client closed the request"
            raise
        except _Disconnect:
            call.status, call.error = 0, "connection dropped"
            self._answered(call)
            if request.transport is not None:
                request.transport.abort()
            return web.Response(status=500)
        # A copy: later edits change the stored message in place, the record keeps what was answered.
        call.status, call.result = 200, dict(result) if isinstance(result, dict) else result
        self._answered(call)
        return web.Response(text=_dumps({"ok": True, "result": result}), content_type="application/json")

    async def _run(self, key: str, params: dict[str, Any], request: web.Request) -> Any:
        faults = self.faults
        delay = faults.take_delay(key)
        if delay:
            await asyncio.sleep(delay)
        failure = faults.take(key, params)
        if failure is not None:
            if failure.disconnect:
                raise _Disconnect
            raise failure.error()
        handler = self._api.handlers.get(key)
        if handler is None:
            raise ApiError(404, METHOD_NOT_FOUND)
        if "chat_id" in params and key not in _NOT_BLOCKABLE:
            faults.check_blocked(params)
        if self.limiter is not None and key in SEND_METHODS:
            self.limiter.check(params.get("chat_id"), time.monotonic())
        result = handler(params)
        if inspect.isawaitable(result):
            result = await result
        return result

    def _answered(self, call: Call) -> None:
        if not self._call_waiters:
            return
        for entry in list(self._call_waiters):
            match, future = entry
            if not future.done() and match(call):
                future.set_result(call)
                self._call_waiters.remove(entry)

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            raise web.HTTPUnauthorized()
        stored = self._files_by_path.get(request.match_info["path"])
        if stored is None or stored.content is None:
            raise web.HTTPNotFound()
        return web.Response(body=stored.content, content_type=stored.mime_type or "application/octet-stream")


class _Disconnect(Exception):
    """Scripted: drop the connection without an answer."""
