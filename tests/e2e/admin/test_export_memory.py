"""An export of 200,000 attempts runs in constant memory (the exporting process stays under 150 MB
RSS), and the file reads back in openpyxl with typed cells and formula-like text kept as text."""
from __future__ import annotations

import asyncio
import json
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from app.paths import SQL_DIR
from storage.postgres.migrate import migrate
from tests.e2e.admin.helpers import sql
from tests.e2e.admin.seed import FORMULA_NAME, seed_attempts
from tests.support.live_process import ROOT

ATTEMPTS = 200_000
RSS_LIMIT_MB = 150


async def run_export_child(dsn: str, directory: Path, kind: str, filters: dict) -> dict:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.e2e.admin.export_child", dsn, str(directory), kind, json.dumps(filters),
        cwd=str(ROOT), stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await process.communicate()
    assert process.returncode == 0, err.decode()[-3000:]
    return json.loads(out.decode().strip().splitlines()[-1])


def read_back(path: str, first_rows: int = 2000) -> tuple[list, list[list]]:
    """The header and the first data rows as openpyxl cells (reading all 200,000 rows back through
    openpyxl takes about a minute; their number is counted from the sheet's XML instead)."""
    workbook = load_workbook(path, read_only=True)
    rows = workbook["Attempts"].iter_rows(min_row=1, max_row=first_rows + 1)
    header = [c.value for c in next(rows)]
    first = [list(row) for row in rows]
    workbook.close()
    return header, first


def count_sheet_rows(path: str) -> int:
    """<row> elements of the first sheet, streamed from the zip (header included)."""
    count, tail = 0, b""
    with zipfile.ZipFile(path) as archive, archive.open("xl/worksheets/sheet1.xml") as sheet:
        while chunk := sheet.read(1 << 20):
            count += (tail + chunk).count(b"<row ")
            tail = chunk[-4:]
    return count


async def test_export_of_200k_attempts_stays_under_150_mb_and_reads_back_typed(empty_database, tmp_path):
    await migrate(empty_database, SQL_DIR / "postgres")
    await seed_attempts(empty_database, ATTEMPTS)
    (admin_id,), = await sql(empty_database, "SELECT min(id) FROM users")
    result = await run_export_child(empty_database, tmp_path, "attempts", {
        "requested_by": admin_id, "subject": "economics", "date_from": "2026-01-01T00:00:00Z",
        "date_to": "2027-01-01T00:00:00Z"})
    print(f"\nexport of {result['rows']} attempts: {result['seconds']} s, RSS {result['baseline_rss_mb']} MB after "
          f"imports, peak {result['peak_rss_mb']} MB, {Path(result['path']).stat().st_size / 1e6:.1f} MB file")
    assert result["status"] == "done" and result["rows"] == ATTEMPTS
    assert result["peak_rss_mb"] < RSS_LIMIT_MB

    assert await asyncio.to_thread(count_sheet_rows, result["path"]) == ATTEMPTS + 1
    header, first = await asyncio.to_thread(read_back, result["path"])
    assert header[:4] == ["Attempt id", "Answered (UTC)", "User id", "Name"] and header[-1] == "Answer"
    row = first[0]
    assert (row[0].data_type, type(row[0].value)) == ("n", int)
    assert row[1].data_type == "d" and row[1].value == datetime(2026, 1, 1)
    assert row[7].data_type == "b" and isinstance(row[7].value, bool)  # correct
    for cell in (row[8], row[9], row[10], row[11]):  # score, points, max points, time: numbers, not text
        assert cell.data_type == "n" and isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool)
    answers = {r[-1].value for r in first}
    assert {"=1+2", "@SUM(A1)", "true"} <= answers
    for r in first:  # every formula-like value came back as text, unchanged
        for cell in (r[3], r[6], r[-1]):
            if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                assert cell.data_type == "s", (cell.value, cell.data_type)
    assert any(r[3].value == FORMULA_NAME for r in first)
    assert all(r[4].value == "economics" for r in first)
