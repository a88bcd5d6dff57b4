"""xlsx export of 1,000,000 attempts (the export actor) against raw openpyxl write-only of the same rows."""
from __future__ import annotations

import asyncio
import json
import shutil

from app.paths import SQL_DIR
from bench.common import fresh_database, postgres_server, run_module, scratch_dir
from bench.stats import print_table
from storage.postgres.migrate import migrate
from tests.e2e.admin.helpers import sql
from tests.e2e.admin.seed import seed_attempts

ATTEMPTS = 1_000_000


async def main() -> dict[str, str]:
    with postgres_server() as server_dsn:
        async with fresh_database(server_dsn) as dsn:
            await migrate(dsn, SQL_DIR / "postgres")
            await seed_attempts(dsn, ATTEMPTS)
            (admin_id,), = await sql(dsn, "SELECT min(id) FROM users")
            filters = {"requested_by": admin_id, "subject": "economics", "date_from": "2026-01-01T00:00:00Z",
                       "date_to": "2027-01-01T00:00:00Z"}
            ours_dir, raw_dir = scratch_dir(), scratch_dir()  # ~70 MB each: removed after the run
            try:
                ours = json.loads((await run_module("tests.e2e.admin.export_child", dsn, str(ours_dir), "attempts",
                                                    json.dumps(filters), timeout=1800)).splitlines()[-1])
                raw = json.loads((await run_module("bench.raw_export_child", dsn, str(raw_dir / "raw.xlsx"),
                                                   timeout=1800)).splitlines()[-1])
            finally:
                for directory in (ours_dir, raw_dir):
                    shutil.rmtree(directory, ignore_errors=True)
    ratio = ours["seconds"] / raw["seconds"]
    print_table(f"xlsx export of {ATTEMPTS:,} attempts", [
        ("apo export actor", f"{ours['seconds']:7.1f} s  peak RSS {ours['peak_rss_mb']:.0f} MB  rows {ours['rows']:,}"),
        ("raw openpyxl write-only", f"{raw['seconds']:7.1f} s  peak RSS {raw['peak_rss_mb']:.0f} MB  rows {raw['rows']:,}"),
        ("time apo / raw", f"{ratio:.2f}x (goal <= 1.5x, <= 150 MB)"),
    ])
    return {"export_seconds": f"{ours['seconds']:.0f}", "export_ratio": f"{ratio:.2f}x",
            "export_rss": f"{ours['peak_rss_mb']:.0f}"}


if __name__ == "__main__":
    asyncio.run(main())
