"""Daily reminders on a real PostgreSQL, with real adaptive and stats actors and a fake Telegram sender.
The test clock starts on Monday 2026-03-02 09:00 UTC, 12:00 in Moscow (the users' default zone)."""
from __future__ import annotations

import asyncio
from datetime import date

import pytest

from actors.mailing.sender import Blocked, RetryAfter
from actors.reminders.errors import ReminderUserNotFound, UnknownTimezone
from actors.reminders.messages import (
    DisableReminders,
    EnableReminders,
    GetReminderSettings,
    RunReminders,
)
from tests.integration.adaptive.adaptive_support import FakeSender, start_reminders

pytestmark = pytest.mark.needs_postgres


async def run(reminders, **advance: float):
    if advance:
        reminders.backend.clock.advance(**advance)
    return await reminders.ref.ask(RunReminders())


async def chat_of(backend, user_id: int) -> int:
    return await backend.fetchval("SELECT telegram_id FROM users WHERE id = %(u)s", u=user_id)


async def test_settings_opt_in_pick_an_hour_and_a_zone_and_opt_out(reminders):
    ref, user = reminders.ref, await reminders.backend.user()
    never = await ref.ask(GetReminderSettings(user_id=user))
    assert not never.enabled and never.hour is None
    on = await ref.ask(EnableReminders(user_id=user, hour=19))
    assert on.enabled and on.hour == 19 and on.timezone == "Europe/Moscow"
    moved = await ref.ask(EnableReminders(user_id=user, hour=8, timezone="Asia/Vladivostok"))
    assert (moved.hour, moved.timezone) == (8, "Asia/Vladivostok")
    with pytest.raises(UnknownTimezone):
        await ref.ask(EnableReminders(user_id=user, hour=8, timezone="Mars/Olympus"))
    off = await ref.ask(DisableReminders(user_id=user))
    assert not off.enabled and off.hour == 8
    assert not (await ref.ask(GetReminderSettings(user_id=user))).enabled
    with pytest.raises(ReminderUserNotFound):
        await ref.ask(EnableReminders(user_id=999_999, hour=8))


async def test_due_mistakes_bring_one_reminder_at_the_local_hour_and_once_a_day(reminders):
    backend = reminders.backend
    user = await backend.user()
    await backend.train(user, correct=False)  # 12:00 Moscow; due at 13:00
    await reminders.ref.ask(EnableReminders(user_id=user, hour=13))
    assert (await run(reminders, minutes=30)).checked == 0  # 12:30: not the hour yet
    first = await run(reminders, minutes=31)  # 13:01
    assert (first.checked, first.sent) == (1, 1)
    [(chat, text)] = reminders.sender.sent
    assert chat == await chat_of(backend, user) and "<b>1</b>" in text and "/stop_reminders" in text
    assert (await run(reminders, minutes=20)).checked == 0  # the same day: nothing more
    assert (await reminders.ref.ask(GetReminderSettings(user_id=user))).last_sent_on == date(2026, 3, 2)
    next_day = await run(reminders, days=1)  # still due, and yesterday's streak is at risk now
    assert next_day.sent == 1 and "<b>1</b>" in reminders.sender.sent[-1][1]
    assert len(reminders.sender.sent) == 2


async def test_nothing_due_and_no_streak_means_no_message_and_no_second_look_today(reminders):
    backend = reminders.backend
    user = await backend.user()
    await reminders.ref.ask(EnableReminders(user_id=user, hour=12))
    quiet = await run(reminders)
    assert (quiet.checked, quiet.nothing_to_say, quiet.sent) == (1, 1, 0)
    await backend.train(user, correct=False)
    assert (await run(reminders, minutes=59)).checked == 0  # evaluated once a day
    assert reminders.sender.sent == []


async def test_a_streak_at_risk_alone_is_a_reason(reminders):
    backend = reminders.backend
    user = await backend.user()
    await backend.train(user, correct=True)  # Monday: a streak of one day, no mistake
    await reminders.ref.ask(EnableReminders(user_id=user, hour=12))
    assert (await run(reminders)).nothing_to_say == 1  # done today already
    tuesday = await run(reminders, days=1)
    assert tuesday.sent == 1 and "<b>1</b>" in reminders.sender.sent[0][1]


async def test_telegram_asking_to_wait_gives_the_claim_back_for_a_later_tick(reminders):
    backend = reminders.backend
    user = await backend.user()
    await backend.train(user, correct=False)
    await reminders.ref.ask(EnableReminders(user_id=user, hour=13))
    reminders.sender.results = [RetryAfter(0.05)]
    assert (await run(reminders, hours=1)).retry_later == 1
    assert (await run(reminders, minutes=1)).sent == 1


async def test_a_user_who_blocked_the_bot_is_not_reminded_again(reminders):
    backend = reminders.backend
    user = await backend.user()
    await backend.train(user, correct=False)
    await reminders.ref.ask(EnableReminders(user_id=user, hour=13))
    reminders.sender.results = [Blocked()]
    assert (await run(reminders, hours=1)).failed == 1
    assert not (await reminders.ref.ask(GetReminderSettings(user_id=user))).enabled
    assert (await run(reminders, days=1)).checked == 0


async def test_accounts_without_telegram_are_not_reminded(reminders):
    backend = reminders.backend
    user = await backend.fetchval("INSERT INTO users (email, display_name) VALUES ('a@example.org', 'Api') "
                                  "RETURNING id")
    await reminders.ref.ask(EnableReminders(user_id=user, hour=12))
    assert (await run(reminders)).checked == 0


async def test_the_periodic_tick_sends_by_itself_and_stops_with_the_actor(backend):
    user = await backend.user()
    await backend.train(user, correct=False)
    backend.clock.advance(hours=1, minutes=5)  # 13:05 Moscow: the mistake is due
    sender = FakeSender()
    ref = start_reminders(backend, sender, tick_seconds=0.05)
    await ref.ask(EnableReminders(user_id=user, hour=13))
    for _ in range(100):
        if sender.sent:
            break
        await asyncio.sleep(0.05)
    assert len(sender.sent) == 1
    await asyncio.sleep(0.2)  # more ticks in the same hour send nothing more
    assert len(sender.sent) == 1
    shard = ref.shards[0]
    await asyncio.wait_for(backend.system.stop(drain_timeout=2.0), timeout=5.0)
    assert shard.task is None or shard.task.done()
