"""`apo stats rebuild` on both adapters: the documents it writes equal the ones the events built."""
from __future__ import annotations

import argparse
import asyncio

from pydantic import SecretStr

from actors.stats.messages import GetUserStats
from app.commands.stats import run_rebuild
from tests.support.fixtures_app import make_settings


async def test_the_rebuild_command_rewrites_identical_documents(live, empty_database, tmp_path, capsys):
    student = await live.user("Аня")
    for i in range(7):
        await live.answer(student, correct=i % 2 == 0)
        live.clock.advance(hours=13)
    await live.stats.ask(GetUserStats(user_id=student))
    built = (await live.documents.get("stats", str(student))).body
    await live.documents.replace("stats", "424242", {"user_id": 424242, "timezone": "UTC"})  # nobody's
    await live.documents.replace("stats", str(student), {"user_id": student, "timezone": "UTC"})  # spoiled

    settings = make_settings(empty_database, tmp_path)
    if live.backend == "mongo":
        settings = settings.model_copy(update={"mongo_url": SecretStr(live.mongo_url)})
    code = await asyncio.to_thread(run_rebuild, settings, argparse.Namespace(user=None))

    assert code == 0
    out = capsys.readouterr().out
    assert "1 users, 7 attempts; 1 stale documents removed" in out
    assert ("mongodb" if live.backend == "mongo" else "postgres-jsonb") in out
    assert (await live.documents.get("stats", str(student))).body == built
    assert await live.documents.keys("stats") == [str(student)]
