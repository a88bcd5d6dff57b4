"""Statistics and the leaderboard in the bot: numbers equal to the attempts in PostgreSQL, a PNG chart.

Answers are given through the actors (channel "bot") with the bot user's id, as the training screens
would; expected figures are computed here from the attempts table, independently of the stats actor.
"""
from __future__ import annotations

import aiopg

from actors.filters.messages import FilterSettings, SetUserFilter
from actors.runtime import ActorSystem
from actors.stats.messages import GetUserStats
from actors.training.messages import GetNextQuestion, SubmitAnswer
from actors.users.messages import GetUserByTelegram, Grade, RegisterTelegramUser
from app.keys import ACTORS
from tests.e2e.bot.helpers import register

PNG = b"\x89PNG\r\n\x1a\n"
TOTALS = """
    SELECT count(*), count(*) FILTER (WHERE correct), round(sum(points)::numeric, 2)::float,
           sum(max_points), round(avg(elapsed_ms))::int
    FROM attempts WHERE user_id = %s
"""
PER_SUBJECT = """
    SELECT s.name, count(*), count(*) FILTER (WHERE a.correct)
    FROM attempts a JOIN questions q ON q.id = a.question_id JOIN subjects s ON s.id = q.subject_id
    WHERE a.user_id = %s GROUP BY s.code, s.name ORDER BY count(*) DESC, s.code
"""
PER_THEME = """
    SELECT t.name, count(*), count(*) FILTER (WHERE a.correct)
    FROM attempts a JOIN questions q ON q.id = a.question_id JOIN themes t ON t.id = q.theme_id
    WHERE a.user_id = %s GROUP BY t.name
"""
POINTS_BY_USER = "SELECT user_id, sum(points) FROM attempts GROUP BY user_id"
SUBJECT_RIVALS = """
    SELECT s.name, (SELECT count(DISTINCT o.user_id)
                    FROM attempts o JOIN questions oq ON oq.id = o.question_id
                    WHERE oq.subject_id = s.id AND o.user_id <> a.user_id AND o.points > a.points)
    FROM attempts a JOIN questions q ON q.id = a.question_id JOIN subjects s ON s.id = q.subject_id
    WHERE a.user_id = %s
"""


async def sql(dsn: str, query: str, *params: object) -> list[tuple]:
    async with aiopg.connect(dsn) as conn, conn.cursor() as cur:
        await cur.execute(query, params)
        return await cur.fetchall()


async def answer_next(system: ActorSystem, dsn: str, user_id: int, correct: bool) -> None:
    question = await system.ask(GetNextQuestion(user_id=user_id, channel="bot"))
    [(right,)] = await sql(dsn, "SELECT correct_answer FROM questions WHERE id = %s", question.question_id)
    if question.type == "open":
        right = right[0]
    wrong = {"yes_no": lambda: not right, "one": lambda: (right + 1) % len(question.options),
             "multiple": list, "open": lambda: "заведомо неверно"}[question.type]
    await system.ask(SubmitAnswer(user_id=user_id, served_id=question.served_id, channel="bot",
                                  answer=right if correct else wrong(), elapsed_ms=4000))


def pct(correct: int, attempts: int) -> str:
    return f"{correct / attempts * 100:.0f}%"


def points(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


async def test_a_new_user_gets_a_friendly_text_and_no_chart(bot_app):
    fake, anya = bot_app.fake, bot_app.user(5101)
    home = await register(fake, anya)
    assert "📊 Статистика" in home.button_texts and "🎛 Фильтры" in home.button_texts
    await anya.press(home, text="📊 Статистика")
    screen = await anya.next_message()
    assert screen.is_edit and screen.message_id == home.message_id
    assert "Ответов пока нет" in screen.plain_text
    assert screen.button_texts == ["🏆 Рейтинг", "« Меню"]
    assert not fake.calls("sendPhoto")


async def test_statistics_after_a_round_equal_the_attempts_and_come_with_a_chart(bot_app, empty_database):
    fake, anya, system = bot_app.fake, bot_app.user(5102), bot_app.app[ACTORS]
    home = await register(fake, anya)
    user = await system.ask(GetUserByTelegram(telegram_id=anya.id))
    for i in range(9):
        await answer_next(system, empty_database, user.id, correct=i % 3 != 0)

    await anya.press(home, text="📊 Статистика")
    photo = await anya.next_message()
    assert photo.kind == "sendPhoto" and photo.photo is not None
    assert photo.photo.startswith(PNG) and len(photo.photo) > 1024
    await fake.wait_for_call("deleteMessage", lambda c: c.params.get("message_id") == home.message_id)
    assert home.message_id not in {m.message_id for m in fake.chat_messages(anya.id)}  # replaced

    [(attempts, correct, earned, max_points, avg_ms)] = await sql(empty_database, TOTALS, user.id)
    caption = photo.plain_text
    assert len(caption) <= 1024 and attempts == 9
    assert f"Ответов: {attempts}, верных: {correct} ({pct(correct, attempts)})" in caption
    assert f"Баллы: {points(earned)} из {max_points}" in caption
    assert "Дней подряд: 1 (рекорд: 1)" in caption
    assert f"На этой неделе: ответов {attempts}, баллов {points(earned)}" in caption
    assert f"Среднее время: {points(avg_ms / 1000)} с" in caption
    for name, n, ok in await sql(empty_database, PER_SUBJECT, user.id):
        assert f"• {name}: {pct(ok, n)} (ответов: {n})" in caption
    themes = await sql(empty_database, PER_THEME, user.id)
    tried = [t for t in themes if t[1] >= 3] or themes
    name, n, ok = min(tried, key=lambda t: (t[2] / t[1], -t[1], t[0]))
    assert f"Самая слабая тема: {name} (точность {pct(ok, n)}, ответов: {n})" in caption

    await anya.press(photo, text="🏆 Рейтинг")
    board = await anya.next_message()
    assert not board.is_edit and photo.message_id in {m.message_id for m in fake.chat_messages(anya.id)}
    assert f"1. Аня · баллов: {points(earned)}" in board.plain_text
    assert f"Ваше место: 1, баллов: {points(earned)}" in board.plain_text


async def test_the_leaderboard_shows_my_place_outside_the_top_and_escapes_names(bot_app, empty_database):
    fake, anya, system = bot_app.fake, bot_app.user(5103), bot_app.app[ACTORS]
    await register(fake, anya)
    me = await system.ask(GetUserByTelegram(telegram_id=anya.id))
    for i in range(11):  # 11 rivals with a 3-point question each; Anya gets one 1-point yes/no question
        rival = await system.ask(RegisterTelegramUser(
            telegram_id=9000 + i, display_name=f"<b>Соперник</b> {i}", grade=Grade.G9))
        await system.ask(SetUserFilter(user_id=rival.id, filter=FilterSettings(types=("one",))))
        await answer_next(system, empty_database, rival.id, correct=True)
        await system.ask(GetUserStats(user_id=rival.id))  # a barrier: the rival's stats shard applied it
    await system.ask(SetUserFilter(user_id=me.id, filter=FilterSettings(types=("yes_no",))))
    await answer_next(system, empty_database, me.id, correct=True)

    totals = dict(await sql(empty_database, POINTS_BY_USER))
    rank = 1 + sum(1 for p in totals.values() if p > totals[me.id])
    assert rank > 10

    await anya.send("/menu")
    home = await anya.next_message()
    await anya.press(home, text="📊 Статистика")
    await anya.press(await anya.next_message(), text="🏆 Рейтинг")
    board = await anya.next_message()
    assert board.text.count("&lt;b&gt;Соперник&lt;/b&gt;") == 10 and "Аня ·" not in board.plain_text
    assert f"Ваше место: {rank}, баллов: {points(totals[me.id])}" in board.plain_text
    assert "✅ Эта неделя" in board.button_texts and "✅ Все предметы" in board.button_texts

    await anya.press(board, text="Всё время")
    board = await anya.next_message()
    assert board.is_edit and "✅ Всё время" in board.button_texts
    assert f"Ваше место: {rank}" in board.plain_text
    [(subject, rivals_there)] = await sql(empty_database, SUBJECT_RIVALS, me.id)
    await anya.press(board, text=subject)
    board = await anya.next_message()
    assert f"✅ {subject}" in board.button_texts and f"Рейтинг: всё время, {subject}" in board.plain_text
    assert f"Ваше место: {1 + rivals_there}, баллов: 1" in board.plain_text


async def test_statistics_list_every_subject_answered(bot_app, empty_database):
    fake, anya, system = bot_app.fake, bot_app.user(5104), bot_app.app[ACTORS]
    home = await register(fake, anya)
    user = await system.ask(GetUserByTelegram(telegram_id=anya.id))
    subjects = await sql(empty_database, "SELECT code, name FROM subjects ORDER BY code")
    assert len(subjects) == 4
    for code, _ in subjects:
        await system.ask(SetUserFilter(user_id=user.id, filter=FilterSettings(subjects=(code,))))
        await answer_next(system, empty_database, user.id, correct=True)
    await anya.press(home, text="📊 Статистика")
    caption = (await anya.next_message()).plain_text
    assert "По предметам" in caption
    for _, name in subjects:
        assert f"• {name}: 100% (ответов: 1)" in caption
