"""`apo run` that cannot start says why in one line naming the setting, and exits with 2: a
refused connection, a bad DSN, a port in use, a data dir it cannot write (the real process)."""
from __future__ import annotations

import asyncio
import os
import socket
import sys
from pathlib import Path

import pytest

from tests.support.live_process import free_port


async def apo_run(tmp_path: Path, **env: str) -> tuple[int, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("APO_")}
    clean.update({"APO_DATA_DIR": str(tmp_path / "data"), "APO_HTTP_PORT": str(free_port()), **env})
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "app", "run", cwd=str(tmp_path), env=clean,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    output, _ = await asyncio.wait_for(process.communicate(), 120)
    return process.returncode, output.decode(errors="replace")


def one_cause(output: str) -> str:
    assert "Traceback" not in output, output
    errors = [line for line in output.splitlines() if " ERROR " in line]
    assert len(errors) == 1, output
    return errors[0].split("start-up failed: ", 1)[1]


async def test_a_refused_connection(tmp_path):
    code, output = await apo_run(tmp_path, APO_POSTGRES_DSN=f"postgresql://apo:s3cretpw@127.0.0.1:{free_port()}/apo")
    assert code == 2
    cause = one_cause(output)
    assert cause.startswith("PostgreSQL (APO_POSTGRES_DSN) is not usable") and "refused" in cause.lower()
    assert "s3cretpw" not in output


@pytest.mark.parametrize("dsn", ["not a dsn at all password=s3cretpw", "postgresql://apo:s3cretpw@[::1"])
async def test_a_bad_dsn(tmp_path, dsn):
    code, output = await apo_run(tmp_path, APO_POSTGRES_DSN=dsn)
    assert code == 2
    assert one_cause(output).startswith("PostgreSQL (APO_POSTGRES_DSN) is not usable")
    assert "s3cretpw" not in output


async def test_a_port_in_use(tmp_path, empty_database):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        code, output = await apo_run(tmp_path, APO_POSTGRES_DSN=empty_database, APO_HTTP_PORT=str(port))
    assert code == 2
    assert one_cause(output) == f"cannot listen on 127.0.0.1:{port} (APO_HTTP_HOST, APO_HTTP_PORT): address already in use"
    assert "migration applied" not in output  # found before touching any store


async def test_a_data_dir_that_is_not_writable(tmp_path, empty_database):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    code, output = await apo_run(tmp_path, APO_POSTGRES_DSN=empty_database, APO_DATA_DIR=str(blocker / "data"))
    assert code == 2
    assert one_cause(output) == f"APO_DATA_DIR={blocker / 'data'} is not a writable directory: Not a directory"


async def test_a_bad_setting_is_one_line_with_exit_code_2_too(tmp_path):
    code, output = await apo_run(tmp_path, APO_HTTP_PORT="eighty")
    assert code == 2 and output.strip().count("\n") == 0 and "APO_HTTP_PORT" in output
