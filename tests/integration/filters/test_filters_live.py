"""Filters on the real bank: counts equal SQL over the questions, and they change what comes next."""
from __future__ import annotations

import pytest

from actors.filters.errors import UnknownFilterValue
from actors.filters.messages import (
    FilterSettings,
    GetFilterOptions,
    GetUserFilter,
    SetUserFilter,
)
from actors.training.errors import NoQuestionMatches
from actors.training.messages import GetNextQuestion, SkipQuestion

COUNT_BY_SUBJECT = """
    SELECT s.code, count(*) AS n FROM questions q JOIN subjects s ON s.id = q.subject_id
    WHERE q.difficulty BETWEEN %(low)s AND %(high)s GROUP BY s.code
"""


async def test_options_list_the_bank_with_counts_for_the_selection(live):
    user = await live.user()
    band = FilterSettings(difficulty_min=2, difficulty_max=3)
    await live.filters.ask(SetUserFilter(user_id=user, filter=band))
    options = await live.filters.ask(GetFilterOptions(user_id=user))
    expected = {r["code"]: r["n"] for r in await live.sql(COUNT_BY_SUBJECT, low=2, high=3)}
    assert {s.code: s.questions for s in options.subjects if s.questions} == expected
    assert options.matching == sum(expected.values()) and options.message is None
    [total] = await live.sql("SELECT count(*) AS n FROM questions")
    assert sum(d.questions for d in options.difficulties) == total["n"]  # difficulty ignores its own band
    assert [d.selected for d in options.difficulties] == [False, True, True, False, False]
    assert {t.subject for t in options.themes} == {s.code for s in options.subjects}


async def test_a_subject_filter_decides_which_questions_come_next(live):
    user = await live.user()
    subjects = [s.code for s in (await live.filters.ask(GetFilterOptions(user_id=user))).subjects]
    chosen = subjects[-1]
    await live.filters.ask(SetUserFilter(user_id=user, filter=FilterSettings(subjects=(chosen,))))
    assert (await live.filters.ask(GetUserFilter(user_id=user))).subjects == (chosen,)
    for _ in range(5):
        question = await live.training.ask(GetNextQuestion(user_id=user, channel="api"))
        assert question.subject == chosen
        await live.training.ask(SkipQuestion(user_id=user, served_id=question.served_id))


async def test_an_empty_selection_says_so_in_filters_and_in_training(live):
    user = await live.user()
    options = await live.filters.ask(GetFilterOptions(user_id=user))
    theme = options.themes[0]
    other_subject = next(s.code for s in options.subjects if s.code != theme.subject)
    reply = await live.filters.ask(SetUserFilter(user_id=user, filter=FilterSettings(
        subjects=(other_subject,), themes=(theme.id,))))
    assert reply.matching == 0 and "No question matches" in reply.message
    with pytest.raises(NoQuestionMatches, match="filters"):
        await live.training.ask(GetNextQuestion(user_id=user, channel="api"))


async def test_values_unknown_to_the_bank_are_refused(live):
    user = await live.user()
    with pytest.raises(UnknownFilterValue, match="unknown themes: 999999"):
        await live.filters.ask(SetUserFilter(user_id=user, filter=FilterSettings(themes=(999999,))))
