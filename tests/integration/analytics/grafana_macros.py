"""Expands the Grafana ClickHouse plugin's macros exactly as the plugin does (pkg/macros/macros.go in
grafana/clickhouse-datasource), so a panel's SQL can run on the test ClickHouse as Grafana would run it.
"""
from __future__ import annotations

import re
from datetime import datetime


def _seconds(moment: datetime) -> str:
    return f"toDateTime({int(moment.timestamp())})"


def _millis(moment: datetime) -> str:
    return f"fromUnixTimestamp64Milli({int(moment.timestamp() * 1000)})"


def _date(moment: datetime) -> str:
    return f"toDate('{moment:%Y-%m-%d}')"


def expand(sql: str, start: datetime, end: datetime, interval_seconds: float) -> str:
    seconds = max(int(interval_seconds), 1)
    millis = max(int(interval_seconds * 1000), 1)
    with_args = {
        "timeFilter": lambda c: f"{c[0]} >= {_seconds(start)} AND {c[0]} <= {_seconds(end)}",
        "timeFilter_ms": lambda c: f"{c[0]} >= {_millis(start)} AND {c[0]} <= {_millis(end)}",
        "dateFilter": lambda c: f"{c[0]} >= {_date(start)} AND {c[0]} <= {_date(end)}",
        "dateTimeFilter": lambda c: (f"({c[0]} >= {_date(start)} AND {c[0]} <= {_date(end)}) AND "
                                     f"({c[1]} >= {_seconds(start)} AND {c[1]} <= {_seconds(end)})"),
        "timeInterval": lambda c: f"toStartOfInterval(toDateTime({c[0]}), INTERVAL {seconds} second)",
        "timeInterval_ms": lambda c: (f"toStartOfInterval(toDateTime64({c[0]}, 3), "
                                      f"INTERVAL {millis} millisecond)"),
    }
    with_args["dt"] = with_args["dateTimeFilter"]
    plain = {"fromTime": _seconds(start), "toTime": _seconds(end), "fromTime_ms": _millis(start),
             "toTime_ms": _millis(end), "interval_s": str(seconds)}

    def call(match: re.Match) -> str:
        name, args = match.group(1), [a.strip() for a in match.group(2).split(",")]
        if name not in with_args:
            raise ValueError(f"unknown macro ${name}(...)")
        return with_args[name](args)

    def word(match: re.Match) -> str:
        if match.group(1) not in plain:
            raise ValueError(f"unknown macro $__{match.group(1)}")
        return plain[match.group(1)]

    expanded = re.sub(r"\$__(\w+)\(([^()]*)\)", call, sql)
    expanded = re.sub(r"\$__(\w+)", word, expanded)
    if "$" in expanded:
        raise ValueError(f"a template variable is left: {expanded}")
    return expanded
