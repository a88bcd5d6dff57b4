"""The filters actor with fakes: storing, validating against the bank, counting, empty selections."""
from __future__ import annotations

import asyncio

import pytest
from pydantic import ValidationError

from actors.filters.errors import UnknownFilterValue
from actors.filters.messages import (
    FiltersChanged,
    FilterSettings,
    GetFilterOptions,
    GetUserFilter,
    ResetUserFilter,
    SetUserFilter,
)
from actors.training.filters import QuestionFilter
from actors.users.messages import AccountDeleted, AccountsMerged


async def test_a_user_without_a_filter_trains_on_everything(world):
    assert await world.filters.ask(GetUserFilter(user_id=1)) == FilterSettings()
    assert await world.filters_for(1) == QuestionFilter()


async def test_a_set_filter_is_stored_normalised_and_reaches_training(world):
    chosen = FilterSettings(subjects=("geography", "economics", "economics"), types=("one",),
                            difficulty_max=3)
    reply = await world.filters.ask(SetUserFilter(user_id=1, filter=chosen))
    assert reply.filter.subjects == ("economics", "geography")
    assert reply.matching == 2 and reply.message is None
    assert await world.filters.ask(GetUserFilter(user_id=1)) == reply.filter
    assert await world.filters_for(1) == QuestionFilter(subjects=frozenset({"economics", "geography"}),
                                                        types=frozenset({"one"}), difficulty_max=3)
    assert world.documents.collections["filters"]["1"].body["subjects"] == ["economics", "geography"]
    await asyncio.sleep(0.05)
    changed = [(e.user_id, e.filter) for e in world.events if isinstance(e, FiltersChanged)]
    assert changed == [(1, reply.filter)]


@pytest.mark.parametrize(("chosen", "field", "named"), [
    (FilterSettings(subjects=("physics",)), "subjects", "physics"),
    (FilterSettings(themes=(1, 99)), "themes", "99"),
    (FilterSettings(sources=(12,)), "sources", "12"),
    (FilterSettings(stages=("olympus",)), "stages", "olympus"),
])
async def test_values_the_bank_lacks_are_refused_clearly(world, chosen, field, named):
    with pytest.raises(UnknownFilterValue) as caught:
        await world.filters.ask(SetUserFilter(user_id=1, filter=chosen))
    assert caught.value.field == field and named in str(caught.value) and "the bank has" in str(caught.value)
    assert await world.filters.ask(GetUserFilter(user_id=1)) == FilterSettings()


async def test_an_empty_selection_is_kept_and_says_so_instead_of_failing(world):
    nothing = FilterSettings(subjects=("geography",), themes=(1,))  # theme 1 is economics
    reply = await world.filters.ask(SetUserFilter(user_id=1, filter=nothing))
    assert reply.matching == 0 and "No question matches" in reply.message
    options = await world.filters.ask(GetFilterOptions(user_id=1))
    assert options.matching == 0 and options.message == reply.message
    assert {s.code: s.questions for s in options.subjects} == {"economics": 2, "geography": 0}


async def test_options_count_each_value_with_the_rest_of_the_selection(world):
    await world.filters.ask(SetUserFilter(user_id=1, filter=FilterSettings(subjects=("economics",),
                                                                           only_may_in_subway=True)))
    options = await world.filters.ask(GetFilterOptions(user_id=1))
    assert options.matching == 2
    assert {s.code: (s.questions, s.selected) for s in options.subjects} == {
        "economics": (2, True), "geography": (1, False)}
    assert {t.id: t.questions for t in options.themes} == {1: 1, 2: 1, 3: 0}
    assert {v.value: v.questions for v in options.types} == {"yes_no": 1, "one": 1, "multiple": 0, "open": 0}
    assert {v.value: v.questions for v in options.stages} == {"final": 0, "school": 2}
    assert [v.selected for v in options.difficulties] == [True] * 5
    assert options.may_in_subway == 2


async def test_reset_returns_to_everything(world):
    await world.filters.ask(SetUserFilter(user_id=1, filter=FilterSettings(types=("open",))))
    assert (await world.filters.ask(GetUserFilter(user_id=1))).types == ("open",)
    reply = await world.filters.ask(ResetUserFilter(user_id=1))
    assert reply.filter == FilterSettings() and reply.matching == 5
    assert await world.filters.ask(GetUserFilter(user_id=1)) == FilterSettings()
    assert "1" not in world.documents.collections["filters"]


async def test_a_merged_account_keeps_its_own_filter_or_takes_the_sources(world):
    own, other = FilterSettings(types=("one",)), FilterSettings(types=("open",))
    for user, chosen in ((1, own), (2, other), (3, other)):
        await world.filters.ask(SetUserFilter(user_id=user, filter=chosen))
    await world.system.publish(AccountsMerged(source_user_id=2, target_user_id=1))
    await world.system.publish(AccountsMerged(source_user_id=3, target_user_id=4))
    assert await world.filters.ask(GetUserFilter(user_id=1)) == own
    assert await world.filters.ask(GetUserFilter(user_id=4)) == other
    assert set(world.documents.collections["filters"]) == {"1", "4"}


async def test_a_deleted_account_loses_its_filter_and_others_keep_theirs(world):
    chosen = FilterSettings(types=("one",))
    for user in (1, 2):
        await world.filters.ask(SetUserFilter(user_id=user, filter=chosen))
    assert await world.filters.ask(GetUserFilter(user_id=1)) == chosen  # cached now
    await world.system.publish(AccountDeleted(user_id=1, channel="api"))
    assert await world.filters.ask(GetUserFilter(user_id=1)) == FilterSettings()  # not the cached one
    assert await world.filters.ask(GetUserFilter(user_id=2)) == chosen
    assert set(world.documents.collections["filters"]) == {"2"}


def test_a_difficulty_band_upside_down_is_invalid():
    with pytest.raises(ValidationError, match="difficulty_min is above difficulty_max"):
        FilterSettings(difficulty_min=4, difficulty_max=2)
