"""The export baseline: the same attempts rows straight from a server-side cursor into openpyxl's
write-only mode, with no formatting, typing or formula guard. Prints a JSON line like export_child.

The query yields the export's values (the answer as the same unquoted text, not its JSON), so both
sides write the same cells; only the guard and the typing differ."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import psycopg2
from openpyxl import Workbook

from tests.e2e.admin.export_child import memory_mb

QUERY = """
    SELECT a.id, a.created_at, u.id, u.display_name, s.code, t.name, q.external_id, a.correct, a.score,
           a.points, a.max_points, a.elapsed_ms, a.channel, a.mode,
           jsonb_build_array(a.answer) ->> 0
    FROM attempts a JOIN users u ON u.id = a.user_id JOIN questions q ON q.id = a.question_id
    JOIN subjects s ON s.id = q.subject_id JOIN themes t ON t.id = q.theme_id
    WHERE s.code = 'economics' AND a.created_at >= '2026-01-01' AND a.created_at < '2027-01-01'
    ORDER BY a.id
"""


def export(dsn: str, path: Path) -> dict:
    baseline = memory_mb("VmRSS")
    started = time.monotonic()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Attempts")
    rows = 0
    with psycopg2.connect(dsn) as conn, conn.cursor(name="raw_export") as cur:
        cur.itersize = 5000
        cur.execute(QUERY)
        for row in cur:
            sheet.append([value.replace(tzinfo=None) if hasattr(value, "tzinfo") else value for value in row])
            rows += 1
    workbook.save(path)
    return {"rows": rows, "seconds": round(time.monotonic() - started, 2),
            "baseline_rss_mb": round(baseline, 1), "peak_rss_mb": round(memory_mb("VmHWM"), 1)}


if __name__ == "__main__":
    print(json.dumps(export(sys.argv[1], Path(sys.argv[2]))))
