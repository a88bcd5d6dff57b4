"""Filter screens in the bot: toggles with counts steer what training serves; empty selection; reset;
stale buttons. Expected counts come from the questions table in PostgreSQL."""
from __future__ import annotations

import aiopg
import pytest

from actors.training.errors import NoQuestionMatches
from actors.training.messages import GetNextQuestion
from actors.users.messages import GetUserByTelegram
from app.keys import ACTORS
from tests.e2e.bot.helpers import register

COUNT = """
    SELECT count(*) FROM questions q JOIN subjects s ON s.id = q.subject_id
    WHERE (%(subjects)s::text[] IS NULL OR s.code = ANY(%(subjects)s))
      AND q.difficulty BETWEEN %(low)s AND %(high)s
"""

THEMES_OF = "SELECT t.name FROM themes t JOIN subjects s ON s.id = t.subject_id WHERE s.code = ANY(%s)"


async def sql(dsn: str, query: str, *params: object) -> list[tuple]:
    async with aiopg.connect(dsn) as conn, conn.cursor() as cur:
        await cur.execute(query, params)
        return await cur.fetchall()


async def count(dsn: str, subjects: list[str] | None = None, low: int = 1, high: int = 5) -> int:
    async with aiopg.connect(dsn) as conn, conn.cursor() as cur:
        await cur.execute(COUNT, {"subjects": subjects, "low": low, "high": high})
        return (await cur.fetchone())[0]


def matching(n: int) -> str:
    return f"Подходящих вопросов: {n}."


async def open_filters(bot_app, user):
    home = await register(bot_app.fake, user)
    await user.press(home, text="🎛 Фильтры")
    summary = await user.next_message()
    assert summary.is_edit and summary.message_id == home.message_id
    return summary


async def test_toggling_subjects_changes_the_count_and_what_training_serves(bot_app, empty_database):
    anya, system = bot_app.user(5201), bot_app.app[ACTORS]
    summary = await open_filters(bot_app, anya)
    assert matching(await count(empty_database)) in summary.plain_text
    assert "Предметы: любые" in summary.plain_text

    await anya.press(summary, text="📚 Предметы")
    subjects = await anya.next_message()
    economics = await count(empty_database, ["economics"])
    assert f"Экономика · {economics}" in subjects.button_texts
    await anya.press(subjects, text=f"Экономика · {economics}")
    subjects = await anya.next_message()
    assert subjects.is_edit and f"✅ Экономика · {economics}" in subjects.button_texts
    assert matching(economics) in subjects.plain_text
    user = await system.ask(GetUserByTelegram(telegram_id=anya.id))
    assert (await system.ask(GetNextQuestion(user_id=user.id, channel="bot"))).subject == "economics"

    both = await count(empty_database, ["economics", "geography"])
    geography = next(b for b in subjects.button_texts if b.startswith("География · "))
    assert geography == f"География · {await count(empty_database, ['geography'])}"  # its own questions
    await anya.press(subjects, text=geography)
    subjects = await anya.next_message()
    assert matching(both) in subjects.plain_text
    await anya.press(subjects, text="« Фильтры")
    summary = await anya.next_message()
    assert "Предметы: Экономика, География" in summary.plain_text and matching(both) in summary.plain_text

    await anya.press(summary, text="🏷 Темы")
    first = await anya.next_message()
    assert first.button_texts[-2:] == ["2/2 ›", "« Фильтры"]  # 10 a page
    await anya.press(first, text="2/2 ›")
    second = await anya.next_message()
    assert second.button_texts[-2:] == ["‹ 1/2", "« Фильтры"]
    shown = {b.rsplit(" · ", 1)[0] for b in first.button_texts[:-2] + second.button_texts[:-2]}
    assert shown == {name for (name,) in await sql(empty_database, THEMES_OF, ["economics", "geography"])}


async def test_an_empty_selection_says_so_and_reset_brings_every_question_back(bot_app, empty_database):
    anya, system = bot_app.user(5202), bot_app.app[ACTORS]
    summary = await open_filters(bot_app, anya)
    assert await count(empty_database, low=5, high=5) == 0
    await anya.press(summary, text="📶 Сложность")
    levels = await anya.next_message()
    await anya.press(levels, text="2 · " + str(await count(empty_database, low=2, high=2)))
    levels = await anya.next_message()
    assert matching(await count(empty_database, low=2, high=2)) in levels.plain_text
    await anya.press(levels, text=next(b for b in levels.button_texts if b.startswith("4 · ")))
    levels = await anya.next_message()
    assert matching(await count(empty_database, low=2, high=4)) in levels.plain_text
    await anya.press(levels, text=next(b for b in levels.button_texts if b.startswith("✅ 3 · ")))
    levels = await anya.next_message()  # inside the band: just that level
    assert matching(await count(empty_database, low=3, high=3)) in levels.plain_text
    await anya.press(levels, text="5 · 0")
    levels = await anya.next_message()  # outside the band: widened to 3..5; then 3 and 4 are dropped
    await anya.press(levels, text=next(b for b in levels.button_texts if b.startswith("✅ 3 · ")))
    levels = await anya.next_message()
    await anya.press(levels, text=next(b for b in levels.button_texts if b.startswith("✅ 4 · ")))
    levels = await anya.next_message()
    assert "Под эти фильтры не подходит ни один вопрос" in levels.plain_text
    user = await system.ask(GetUserByTelegram(telegram_id=anya.id))
    with pytest.raises(NoQuestionMatches):
        await system.ask(GetNextQuestion(user_id=user.id, channel="bot"))

    query = await anya.press(levels, text="♻️ Сбросить")
    summary = await anya.next_message()
    assert matching(await count(empty_database)) in summary.plain_text
    assert "Сложность: любая" in summary.plain_text
    assert "Фильтры сброшены" in bot_app.fake.callback_answer(query)["text"]
    await system.ask(GetNextQuestion(user_id=user.id, channel="bot"))


async def test_stale_or_forged_filter_buttons_answer_gracefully(bot_app, empty_database):
    fake, anya = bot_app.fake, bot_app.user(5203)
    summary = await open_filters(bot_app, anya)
    for data in ("flt:t:sub:astrology:0", "flt:t:thm:999999:0", "flt:t:dif:9:0", "flt:t:zzz:1:0"):
        query = await anya.press(summary, data=data, force=True)
        screen = await anya.next_message()  # the screen of that facet (the summary for "zzz"), redrawn
        answer = await fake.wait_for_call("answerCallbackQuery",
                                          lambda c, q=query: c.params.get("callback_query_id") == q)
        assert "больше нет" in answer.params["text"] and "Подходящих вопросов" in screen.plain_text
    query = await anya.press(summary, data="flt:v:thm:not-a-page", force=True)
    answer = await fake.wait_for_call("answerCallbackQuery",
                                      lambda c: c.params.get("callback_query_id") == query)
    assert "больше не действует" in answer.params["text"]  # the fallback's "outdated button"


async def test_stages_types_and_the_subway_switch_narrow_the_selection(bot_app, empty_database):
    anya = bot_app.user(5204)
    summary = await open_filters(bot_app, anya)
    school = "SELECT count(*) FROM questions q JOIN sources s ON s.id = q.source_id WHERE s.stage = 'school'"
    [(n_school,)] = await sql(empty_database, school)
    [(n_yes_no,)] = await sql(empty_database, school + " AND q.type = 'yes_no'")
    [(n_subway,)] = await sql(empty_database, school + " AND q.type = 'yes_no' AND q.may_in_subway")
    assert 0 < n_subway <= n_yes_no < n_school  # each step narrows (or keeps) a non-empty selection

    await anya.press(summary, text="🏛 Источники")
    sources = await anya.next_message()
    [(n_sources,)] = await sql(empty_database, "SELECT count(*) FROM sources")
    assert len(sources.button_texts) == 4 + n_sources + 1  # stages, sources, back
    await anya.press(sources, text=f"школьный этап · {n_school}")
    sources = await anya.next_message()
    assert f"✅ школьный этап · {n_school}" in sources.button_texts
    assert matching(n_school) in sources.plain_text
    await anya.press(sources, text="« Фильтры")
    await anya.press(await anya.next_message(), text="🧩 Типы вопросов")
    types = await anya.next_message()
    await anya.press(types, text=f"Да / нет · {n_yes_no}")
    types = await anya.next_message()
    assert matching(n_yes_no) in types.plain_text
    await anya.press(types, text="« Фильтры")
    summary = await anya.next_message()
    assert "Этапы: школьный этап" in summary.plain_text and "Типы вопросов: Да / нет" in summary.plain_text
    await anya.press(summary, text=f"🚇 Без бумаги · {n_subway}")
    summary = await anya.next_message()
    assert f"✅ 🚇 Без бумаги · {n_subway}" in summary.button_texts
    assert matching(n_subway) in summary.plain_text
    assert "Только без бумаги: да" in summary.plain_text
