"""The embedded PostgreSQL of `make run` with real processes: a server left behind by a SIGKILL is
reused, and a clean stop never leaves a postmaster running (README: Operations)."""
from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import aiohttp
import psutil
import pytest

from tests.support.live_process import LiveProcess, start_app_process


def postmaster_pid(data_dir: Path) -> int | None:
    pid_file = data_dir / "postgres" / "postmaster.pid"
    return int(pid_file.read_text().split()[0]) if pid_file.exists() else None


def running(pid: int | None) -> bool:
    try:
        return pid is not None and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def postgres_processes_of(data_dir: Path) -> list[int]:
    pgdata = str((data_dir / "postgres").resolve())
    found = []
    for process in psutil.process_iter(["pid", "name", "cmdline"]):
        if process.info["name"] == "postgres" and pgdata in " ".join(process.info["cmdline"] or ()):
            found.append(process.info["pid"])
    return found


@pytest.fixture(autouse=True)
def no_server_outlives_the_test(tmp_path):
    yield
    for pid in postgres_processes_of(tmp_path):  # only after a failure: the tests end them themselves
        os.kill(pid, signal.SIGKILL)


async def start_embedded(data_dir: Path) -> LiveProcess:
    return await start_app_process("", data_dir, ready_timeout=120)  # no DSN: the embedded server


async def works(live: LiveProcess) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.post(live.base_url + "/api/v1/auth/register", json={
                "email": f"e{os.getpid()}-{id(live)}@example.org", "password": "correct horse battery",
                "display_name": "Аня"}) as response:
            assert response.status == 201, await response.text()


async def wait_gone(pids: list[int], seconds: float = 15.0) -> list[int]:
    for _ in range(int(seconds * 10)):
        left = [pid for pid in pids if running(pid)]
        if not left:
            return []
        await asyncio.sleep(0.1)
    return left


async def test_a_server_left_by_a_sigkill_is_reused_and_the_next_clean_stop_ends_it(tmp_path):
    first = await start_embedded(tmp_path)
    postmaster = postmaster_pid(tmp_path)
    assert running(postmaster)
    await first.stop(signal.SIGKILL)
    assert running(postmaster)  # the app died; its postmaster lives on, registered to a dead pid

    second = await start_embedded(tmp_path)
    try:
        await works(second)
        assert postmaster_pid(tmp_path) == postmaster  # reused, not a second server on the same data
    finally:
        assert await second.stop() == 0
    assert await wait_gone([postmaster]) == []
    assert postgres_processes_of(tmp_path) == []
    assert "forgot processes" in second.log()


async def test_a_server_killed_with_the_app_is_started_again_cleanly(tmp_path):
    first = await start_embedded(tmp_path)
    postmaster = postmaster_pid(tmp_path)
    await first.stop(signal.SIGKILL)
    for pid in postgres_processes_of(tmp_path):
        os.kill(pid, signal.SIGKILL)
    assert await wait_gone([postmaster]) == []

    second = await start_embedded(tmp_path)
    try:
        await works(second)
        assert running(postmaster_pid(tmp_path)) and postmaster_pid(tmp_path) != postmaster
    finally:
        assert await second.stop() == 0
    assert await wait_gone(postgres_processes_of(tmp_path)) == []
    assert postgres_processes_of(tmp_path) == []
