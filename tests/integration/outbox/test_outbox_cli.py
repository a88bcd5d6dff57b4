"""`apo outbox status` shows the backlog and the dead rows; `apo outbox retry` gives dead rows back
to the relay."""
from __future__ import annotations

import argparse
import asyncio

from app.commands.outbox import run_retry, run_status
from outbox_support import Noted, outbox_rows, record

from tests.support.fixtures_app import make_settings


async def test_status_names_the_dead_rows_and_retry_revives_them(database, empty_database, tmp_path, capsys):
    await record(database, Noted(user_id=3, seq=1), Noted(user_id=4, seq=1))
    async with database.transaction() as tx:
        await tx.execute("UPDATE outbox SET dead = true, attempts = 10, last_error = 'stats: ValueError' "
                         "WHERE user_key = 3")
    settings = make_settings(empty_database, tmp_path)
    assert await asyncio.to_thread(run_status, settings, argparse.Namespace()) == 0
    out = capsys.readouterr().out
    assert "1 events waiting" in out and "1 dead" in out
    assert "Noted (user key 3), 10 attempts: stats: ValueError" in out

    assert await asyncio.to_thread(run_retry, settings, argparse.Namespace()) == 0
    assert "1 dead rows will be relayed again" in capsys.readouterr().out
    assert [(r["dead"], r["attempts"]) for r in await outbox_rows(database)] == [(False, 0), (False, 0)]
