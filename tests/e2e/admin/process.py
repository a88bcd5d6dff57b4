"""The service in a child process (tests/e2e/admin/run_app.py), for kill -9 tests."""
from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from tests.support.live_process import ROOT, LiveProcess, _wait_ready, free_port


async def start_admin_process(database_dsn: str, data_dir: Path, *, ready_timeout: float = 30.0,
                              **env_overrides: str) -> LiveProcess:
    data_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("APO_")}
    env.update({"APO_POSTGRES_DSN": database_dsn, "APO_DATA_DIR": str(data_dir), "APO_HTTP_PORT": str(port),
                "APO_LOG_LEVEL": "INFO", "PYTHONPATH": str(ROOT), **env_overrides})
    log_path = data_dir / "app.log"
    log = log_path.open("wb")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.e2e.admin.run_app", cwd=str(data_dir), env=env, stdout=log, stderr=log)
    live = LiveProcess(process, f"http://127.0.0.1:{port}", log_path)
    await _wait_ready(live, ready_timeout)
    return live
