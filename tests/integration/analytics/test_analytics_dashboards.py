"""Every Grafana panel's SQL, with the plugin's macros expanded, runs on the test ClickHouse (18.16)
against seeded data, returns the columns the panel shows, and answers as a current ClickHouse (chDB's
26.9, see test_clickhouse_current_release.py) does on the same rows."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from ch_helpers import run_query, split_url
from chdb_clickhouse import run_chdb
from grafana_macros import expand
from grafana_panels import (
    DASHBOARDS,
    GRAFANA,
    PANEL_IDS,
    PANELS,
    check_panel_result,
    comparable,
    panel_queries,
    seed,
)

pytestmark = pytest.mark.needs_clickhouse


@pytest.fixture
async def seeded(ch_writer, ch_url) -> str:
    await seed(ch_writer)
    return split_url(ch_url)[0]


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


@pytest.mark.parametrize(("board", "panel"), PANELS, ids=PANEL_IDS)
async def test_the_panel_query_runs_and_returns_its_columns(seeded, board, panel):
    for target, sql in panel_queries(panel):
        check_panel_result(panel, target, await run_query(seeded, sql))


@pytest.mark.parametrize(("board", "panel"), PANELS, ids=PANEL_IDS)
async def test_the_panel_answers_on_a_current_clickhouse_as_on_this_one(ch_writer, ch_url, chdb_writer,
                                                                         chdb_target, board, panel):
    """The same rows stored in 18.16 and in chDB's 26.9 (production runs 24.8) give the same answer."""
    await seed(ch_writer, chdb_writer)
    for _, sql in panel_queries(panel):
        assert comparable(await run_query(split_url(ch_url)[0], sql)) == comparable(run_chdb(chdb_target, sql))
