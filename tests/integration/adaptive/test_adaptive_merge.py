"""Merging accounts (merge_user_into, as 0007 redefines it) moves the adaptive data too."""
from __future__ import annotations

import pytest

from actors.adaptive.messages import GetDueReviews, GetUserRatings
from actors.reminders.messages import EnableReminders, GetReminderSettings

pytestmark = pytest.mark.needs_postgres


async def test_the_target_keeps_its_own_rows_and_gains_the_sources_others(reminders):
    backend = reminders.backend
    source, target = await backend.user(), await backend.user()
    mistake = await backend.train(source, correct=False)
    await backend.train(target, correct=True)
    await reminders.ref.ask(EnableReminders(user_id=source, hour=7))
    await backend.fetchval("SELECT merge_user_into(%(s)s, %(t)s)", s=source, t=target)
    backend.clock.advance(hours=1)
    due = await backend.adaptive.ask(GetDueReviews(user_id=target))
    assert [item.question_id for item in due.items] == [mistake.question_id]
    ratings = await backend.adaptive.ask(GetUserRatings(user_id=target))
    assert sum(s.answers for s in ratings.subjects) == 2
    assert (await reminders.ref.ask(GetReminderSettings(user_id=target))).hour == 7
    assert await backend.fetchval("SELECT count(*) FROM rating_updates WHERE user_id = %(t)s", t=target) == 2
