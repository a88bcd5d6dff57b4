"""Callback data bounds its ids as the REST edge does: a forged id past PostgreSQL's bigint (or not
positive) does not parse, so no feature's filter takes the press and the fallback answers it.
Options are bounded too: a forged count, pick or mask would size a keyboard or a bit mask."""
from __future__ import annotations

import pytest
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, User

from app.bot.admin.keyboards import ExportPick, MailingAction
from app.bot.handlers import feature_routers
from app.bot.keyboards.simulation import SimAnswer, SimEnd, SimGo, SimPaper, SimReview, SimToggle
from app.bot.keyboards.training import TrainAnswer, TrainStep, TrainToggle
from app.http.ids import MAX_ID

ID_FIELDS = {"session", "served", "question", "sim", "source", "mailing_id"}

# A packed button per callback with "{}" where an id goes, and whether 0 means "none" there.
FORGEABLE = [
    (TrainAnswer, "ta:{}:7:o:0:", True), (TrainAnswer, "ta:3:{}:o:0:", False),
    (TrainToggle, "tm:{}:7:4:0:1:", True), (TrainToggle, "tm:3:{}:4:0:1:", False),
    (TrainStep, "tx:skip:{}:7:0:", True), (TrainStep, "tx:skip:3:{}:0:", True),
    (TrainStep, "tx:report:3:0:{}:", True),
    (SimPaper, "sp:economics:{}:1", False), (SimGo, "sg:{}:1", False), (SimAnswer, "sa:{}:7:o:0", False),
    (SimAnswer, "sa:3:{}:o:0", False), (SimToggle, "sm:{}:1:0:1", False), (SimEnd, "se:{}:finish:1", False),
    (SimReview, "sr:{}:1", False),
    (MailingAction, "admmail:start:{}", True), (ExportPick, "admexp:mailing:0:{}", True),
]


def all_callback_data(cls: type = CallbackData) -> list[type[CallbackData]]:
    """Every callback data class of the bot (feature_routers imports every feature)."""
    assert feature_routers
    found = [c for c in cls.__subclasses__() if c.__module__.startswith("app.bot.")]
    return found + [d for c in cls.__subclasses__() for d in all_callback_data(c)]


def press(data: str) -> CallbackQuery:
    return CallbackQuery(id="1", from_user=User(id=1, is_bot=False, first_name="A"), chat_instance="1",
                         data=data)


@pytest.mark.parametrize(("cls", "template", "zero_is_none"), FORGEABLE)
async def test_ids_out_of_range_do_not_parse_and_no_filter_takes_them(cls, template, zero_is_none):
    assert cls.unpack(template.format(MAX_ID)) is not None  # the largest bigint is still an id
    assert cls.unpack(template.format(1))
    assert bool(await cls.filter()(press(template.format(1))))
    bad = [2**63, 10**30, -1] + ([] if zero_is_none else [0])
    for value in bad:
        data = template.format(value)
        with pytest.raises(ValueError):
            cls.unpack(data)
        assert await cls.filter()(press(data)) is False, data


@pytest.mark.parametrize("data", ["tm:3:7:100000000:0:1:", "tm:3:7:4:0:100000000000:", "tm:3:7:4:0:-2:",
                                  "tm:3:7:4:-1:1:", f"tm:3:7:4:{2**100}:1:", "ta:3:7:o:1000000000:",
                                  "sm:3:1:0:100000000000", "sa:3:7:o:-5"])
def test_forged_option_counts_picks_and_masks_do_not_parse(data):
    prefix = data.split(":")[0]
    cls = next(c for c in (TrainToggle, TrainAnswer, SimToggle, SimAnswer) if c.__prefix__ == prefix)
    with pytest.raises(ValueError):
        cls.unpack(data)


def test_every_id_in_the_bots_callback_data_is_bounded():
    checked = 0
    for cls in all_callback_data():
        for name, field in cls.model_fields.items():
            if name in ID_FIELDS:
                bounds = {type(m).__name__: m for m in field.metadata}
                assert "Le" in bounds and bounds["Le"].le == MAX_ID, f"{cls.__name__}.{name}"
                assert "Ge" in bounds and bounds["Ge"].ge in (0, 1), f"{cls.__name__}.{name}"
                checked += 1
    assert checked >= 15
