"""Every Grafana panel's SQL, with the plugin's macros expanded, runs on the test ClickHouse (18.16)
against seeded data and returns the columns the panel shows."""
from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from ch_helpers import run_query, split_url
from grafana_macros import expand
from training_events import QuestionReported, QuestionSkipped, answer, served

from actors.analytics.messages import AnalyticsStatus, RecordLog, RecordTiming
from actors.analytics.rows import event_row, log_row, status_row, timing_row
from actors.users.messages import UserRegistered
from storage.clickhouse import RowBatch

pytestmark = pytest.mark.needs_clickhouse

GRAFANA = Path(__file__).resolve().parents[3] / "deploy" / "grafana"
DASHBOARDS = sorted((GRAFANA / "dashboards").glob("*.json"))
PANELS = [(path.stem, panel) for path in DASHBOARDS for panel in json.loads(path.read_text())["panels"]]
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
    return {"events": events, "logs": logs}


@pytest.fixture
async def seeded(ch_writer, ch_url) -> str:
    for table, rows in seed_rows().items():
        await ch_writer.insert(RowBatch.new(table, rows), dedupe=False)
    return split_url(ch_url)[0]


def used_columns(panel: dict) -> set[str]:
    overrides = panel["fieldConfig"]["overrides"]
    return {o["matcher"]["options"] for o in overrides if o["matcher"]["id"] == "byName"}


def test_every_dashboard_has_panels_on_the_provisioned_datasource():
    assert [p.stem for p in DASHBOARDS] == ["overview", "questions", "reliability"]
    datasource = (GRAFANA / "provisioning" / "datasources" / "clickhouse.yaml").read_text()
    assert "type: grafana-clickhouse-datasource" in datasource and "uid: clickhouse" in datasource
    assert "path: /var/lib/grafana/dashboards" in (GRAFANA / "provisioning" / "dashboards" / "dashboards.yaml"
                                                   ).read_text()
    for _, panel in PANELS:
        assert panel["datasource"] == {"type": "grafana-clickhouse-datasource", "uid": "clickhouse"}
        assert panel["targets"] and all(t["editorType"] == "sql" and t["rawSql"] for t in panel["targets"])


def test_the_macro_expansion_matches_the_plugin():
    start = datetime.fromtimestamp(1415792726, timezone.utc)
    end = datetime.fromtimestamp(1447328726, timezone.utc)
    assert expand("WHERE $__timeFilter(time) AND d > $__fromTime", start, end, 20) == (
        "WHERE time >= toDateTime(1415792726) AND time <= toDateTime(1447328726) "
        "AND d > toDateTime(1415792726)")
    assert expand("$__timeInterval(t), $__interval_s", start, end, 0.2) == (
        "toStartOfInterval(toDateTime(t), INTERVAL 1 second), 1")


@pytest.mark.parametrize(("board", "panel"), PANELS, ids=[f"{b}:{p['title']}" for b, p in PANELS])
async def test_the_panel_query_runs_and_returns_its_columns(seeded, board, panel):
    for target in panel["targets"]:
        sql = expand(target["rawSql"], NOW - timedelta(days=7), NOW + timedelta(hours=1), 300)
        result = await run_query(seeded, sql)
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
