"""Builds the Dispatcher: FSM storage, the middlewares (aspects) in their order, the routers.

Outer, on every update (aiogram's own first: errors, user context, FSM with per-user isolation):
  InFlight -> UpdateLogging -> UserLoader -> UserLocale (i18n) -> WebAppLink -> FriendlyErrors
Inner, on messages (also edited ones) and callback queries, once a handler is chosen (they read its flags):
  HandlerNote -> AnswerCallbacks (callbacks only) -> Throttling -> RequireUser -> handler
Flags that drive them: app/bot/flags.py.
"""
from __future__ import annotations

from aiogram import Dispatcher
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage
from aiogram.fsm.storage.memory import MemoryStorage, SimpleEventIsolation
from aiogram.utils.i18n import I18n

from actors.runtime import ActorSystem
from app.bot.handlers import feature_routers
from app.bot.middlewares.callbacks import AnswerCallbacks
from app.bot.middlewares.errors import FriendlyErrors
from app.bot.middlewares.inflight import InFlight
from app.bot.middlewares.locale import UserLocale
from app.bot.middlewares.logging import HandlerNote, UpdateLogging
from app.bot.middlewares.throttling import Throttling
from app.bot.middlewares.users import RequireUser, UserLoader
from app.bot.webapp_link import WebAppLink


def build_dispatcher(system: ActorSystem, i18n: I18n, inflight: InFlight,
                     storage: BaseStorage | None = None,
                     isolation: BaseEventIsolation | None = None, webapp_url: str | None = None) -> Dispatcher:
    # One process: dialogs in memory, one update at a time per user (keeps each user's order).
    dp = Dispatcher(storage=storage or MemoryStorage(), events_isolation=isolation or SimpleEventIsolation())
    dp["actors"] = system
    for outer in (inflight, UpdateLogging(), UserLoader(system), UserLocale(i18n), WebAppLink(webapp_url),
                  FriendlyErrors()):
        dp.update.outer_middleware(outer)
    throttling, require_user = Throttling(), RequireUser(system)
    for observer in (dp.message, dp.edited_message, dp.callback_query):
        observer.middleware(HandlerNote())
    dp.callback_query.middleware(AnswerCallbacks())
    for observer in (dp.message, dp.edited_message, dp.callback_query):
        observer.middleware(throttling)
        observer.middleware(require_user)
    dp.include_routers(*feature_routers())
    return dp
