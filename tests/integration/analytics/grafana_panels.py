"""The Grafana panels, the seed rows they are checked on, and the checks: shared by the dashboard test
on the ClickHouse server (18.16) and the one on chDB (a current ClickHouse)."""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

from ch_helpers import QueryResult
from grafana_macros import expand
from training_events import QuestionReported, QuestionSkipped, answer, served

from actors.outbox.messages import OutboxStatus
from actors.analytics.messages import AnalyticsStatus, RecordLog, RecordTiming
from actors.analytics.rows import event_row, log_row, status_row, timing_row
from actors.users.messages import UserRegistered
from storage.clickhouse import RowBatch, RowWriter

GRAFANA = Path(__file__).resolve().parents[3] / "deploy" / "grafana"
DASHBOARDS = sorted((GRAFANA / "dashboards").glob("*.json"))
PANELS = [(path.stem, panel) for path in DASHBOARDS for panel in json.loads(path.read_text())["panels"]]
PANEL_IDS = [f"{board}:{panel['title']}" for board, panel in PANELS]
NOW = datetime.now(timezone.utc).replace(microsecond=0)
NUMERIC = re.compile(r"^(Nullable\()?(U?Int\d+|Float\d+|Decimal)")


def seed_rows() -> dict[str, list[dict]]:
    """A week of plausible traffic: 8 users, 4 questions of different difficulty, both channels."""
    events, logs = [], []
    for user in range(1, 9):
        channel = "bot" if user % 2 else "api"
        events.append(event_row(UserRegistered(user_id=user, channel=channel), {}))
        for question in range(1, 5):
            correct = (user + question) % (question + 1) != 0 if user > 2 else user == 2
            at = NOW - timedelta(hours=user * 3 + question)
            events.append(event_row(answer(user, question, correct, at, theme=f"theme-{question % 2}",
                                           elapsed_ms=1000 * question + user * 100, channel=channel), {}))
        for question in range(1, 5):
            shown = served(user * 10 + question, user, question, NOW - timedelta(hours=user), channel=channel)
            events.append(event_row(shown, {}))
        trace = {"channel": channel}
        events.append(event_row(QuestionSkipped(served_id=user * 10 + 4, user_id=user, question_id=4,
                                                skipped_at=NOW - timedelta(hours=user)), trace))
        events.append(event_row(QuestionReported(report_id=user, user_id=user, question_id=3,
                                                 external_id="econ-3"), trace))
        for actor, ok in (("training", True), ("stats", user % 3 != 0)):
            timing = RecordTiming(actor=actor, message_type=f"Msg{actor}", seconds=0.002 * user, ok=ok,
                                  at=NOW - timedelta(minutes=user), user_id=user, channel=channel)
            events.append(timing_row(timing, None))
        level = "ERROR" if user % 2 else "WARNING"
        logs.append(log_row(RecordLog(at=NOW - timedelta(minutes=user), level=level, logger="actors.training",
                                      message=f"problem {user}", request_id=f"r{user}")))
    for spooled in (0, 2048):
        events.append(status_row(AnalyticsStatus(state="up", sent=10, spooled=spooled, replayed=0, dropped=0,
                                                 already_stored=0, buffered=0, spool_bytes=spooled,
                                                 spool_files=spooled // 1024)))
    for minutes, backlog in ((20, 0), (10, 37), (5, 2)):  # the relay's status: a backlog that drained
        events.append(event_row(OutboxStatus(backlog=backlog, dead=1, lag_seconds=backlog / 10, in_flight=backlog,
                                             relayed=500, retried=3, at=NOW - timedelta(minutes=minutes)), {}))
    return {"events": events, "logs": logs}


async def seed(*writers: RowWriter) -> None:
    """Stores the same seed rows through each writer as the analytics actor does: one batch per table."""
    for table, rows in seed_rows().items():
        batch = RowBatch.new(table, rows)
        for writer in writers:
            await writer.insert(batch, dedupe=False)


def panel_queries(panel: dict) -> Iterator[tuple[dict, str]]:
    """Each target of the panel with its SQL as Grafana sends it for the last week, 5-minute steps."""
    for target in panel["targets"]:
        yield target, expand(target["rawSql"], NOW - timedelta(days=7), NOW + timedelta(hours=1), 300)


def comparable(result: QueryResult) -> tuple[dict[str, str], list[list]]:
    """Column types and rows: rows sorted (a panel's ORDER BY need not be total), numbers as rounded floats
    (JSON quotes 64-bit integers on 18.16 and 24.8, since 25.8 it does not)."""
    numeric = [bool(NUMERIC.match(kind)) for kind in result.columns.values()]
    rows = ([round(float(cell), 9) if number and cell is not None else cell
             for cell, number in zip(row.values(), numeric, strict=True)] for row in result.rows)
    return result.columns, sorted(rows, key=repr)


def used_columns(panel: dict) -> set[str]:
    overrides = panel["fieldConfig"]["overrides"]
    return {o["matcher"]["options"] for o in overrides if o["matcher"]["id"] == "byName"}


def check_panel_result(panel: dict, target: dict, result: QueryResult) -> None:
    """The seeded data gives every panel rows, with the columns (and column types) the panel shows."""
    assert result.rows, f"{panel['title']}: no rows on the seeded data"
    if target["format"] == 0:  # time series: a time column, numbers, and string labels only
        assert panel["type"] == "timeseries" and result.columns.get("t", "").startswith("DateTime")
        values = [n for n, kind in result.columns.items() if NUMERIC.match(kind)]
        assert values, f"{panel['title']}: no numeric column in {result.columns}"
        assert all(kind == "String" for n, kind in result.columns.items() if n != "t" and n not in values)
    else:  # table and stat: exactly the columns the panel names in its overrides
        assert target["format"] == 1 and used_columns(panel) == set(result.columns), panel["title"]
        for sort in panel.get("options", {}).get("sortBy", []):
            names = [p["value"] for o in panel["fieldConfig"]["overrides"] for p in o["properties"]
                     if p["id"] == "displayName"]
            assert sort["displayName"] in names
