"""Bot: training answers end to end through long polling on the fake Telegram Bot API, against an
aiogram echo bot on the same fake in the same run (answers/s vs echoes/s)."""
from __future__ import annotations

import asyncio
import sys
import time

import aiopg
from aiogram import Bot, Dispatcher, Router
from aiogram.types import Message

from bench.common import fresh_database, postgres_server, scratch_dir
from bench.stats import print_table
from tests.support.fake_telegram import FakeTelegram, FakeUser, fake_session
from tests.support.live_process import start_app_process

USERS = 60
# The bot throttles each user to 20 updates per 10 s (a product rule), and an answer costs two
# presses (answer, Next): each user answers 9 questions, so the load is many users, not fast ones.
ANSWERS_PER_USER = 9


async def seed_users(dsn: str, count: int) -> None:
    """Registered bot users, and a bank of yes/no questions so every answer is one press."""
    async with aiopg.connect(dsn) as conn, conn.cursor() as cur:
        for i in range(count):
            await cur.execute("INSERT INTO users (telegram_id, display_name, grade) VALUES (%s, %s, '9')",
                              (9000 + i, f"Bench {i}"))
        await cur.execute("DELETE FROM questions WHERE type <> 'yes_no'")


async def open_training(fake: FakeTelegram, user: FakeUser):
    await user.send("/menu")
    home = await fake.next_message(user.id, timeout=30)
    await user.press(home, text="🎯 Тренировка")
    return await fake.next_message(user.id, timeout=30)


async def train(fake: FakeTelegram, user: FakeUser, card, counts: list[int]) -> None:
    for _ in range(ANSWERS_PER_USER):
        await user.press(card, text="Да")
        verdict = await fake.next_message(user.id, timeout=30)
        counts[0] += 1
        await user.press(verdict, text="▶️ Дальше")
        while (card := await fake.next_message(user.id, timeout=30)).kind == "editMessageReplyMarkup":
            pass


async def measure_app(server_dsn: str) -> float:
    async with fresh_database(server_dsn) as dsn, FakeTelegram() as fake:
        workdir = scratch_dir()
        live = await start_app_process(dsn, workdir, APO_LOG_LEVEL="WARNING", APO_BOT_TOKEN=fake.token,
                                       APO_TELEGRAM_API_URL=fake.base_url)
        try:
            await seed_users(dsn, USERS)
            await fake.wait_for_call("getUpdates", timeout=30)
            users = [fake.user(9000 + i, first_name=f"Bench {i}") for i in range(USERS)]
            cards = await asyncio.gather(*(open_training(fake, u) for u in users))
            await asyncio.sleep(10)  # a fresh throttle window for every user
            counts = [0]
            started = time.perf_counter()
            await asyncio.gather(*(train(fake, u, card, counts) for u, card in zip(users, cards)))
            return counts[0] / (time.perf_counter() - started)
        finally:
            await live.stop()


async def measure_echo() -> float:
    async with FakeTelegram() as fake:
        router = Router()

        @router.message()
        async def echo(message: Message) -> None:
            await message.answer(message.text or "")

        dp = Dispatcher()
        dp.include_router(router)
        bot = Bot(fake.token, session=fake_session(fake.base_url))
        polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False))
        await fake.wait_for_call("getMe")
        counts = [0]
        started = time.perf_counter()

        async def chat(user: FakeUser) -> None:
            for _ in range(ANSWERS_PER_USER):
                await user.send("ping")
                await fake.next_message(user.id, timeout=30)
                counts[0] += 1

        await asyncio.gather(*(chat(fake.user(1000 + i)) for i in range(USERS)))
        rate = counts[0] / (time.perf_counter() - started)
        await dp.stop_polling()
        await polling
        await bot.session.close()
        return rate


async def main() -> dict[str, str]:
    with postgres_server() as server_dsn:
        app = await measure_app(server_dsn)
    echo = await measure_echo()
    print_table(f"Bot through long polling on the fake Bot API, {USERS} users x {ANSWERS_PER_USER}", [
        ("apo: training answers (press -> verdict)", f"{app:7.1f} answers/s"),
        ("aiogram echo bot (message -> reply)", f"{echo:7.1f} replies/s"),
        ("apo / baseline", f"{app / echo:.0%} (goal >= 50%)" if echo else "n/a"),
    ])
    return {"bot_rate": f"{app:.0f}", "bot_ratio": f"{app / echo:.0%}" if echo else "n/a"}


if __name__ == "__main__":
    asyncio.run(main())
    sys.exit(0)
