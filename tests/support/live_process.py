"""The real `python -m app run` in a child process: for SIGTERM, schemathesis and reliability tests."""
from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveProcess:
    process: asyncio.subprocess.Process
    base_url: str
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    async def stop(self, sig: int = signal.SIGTERM, timeout: float = 10.0) -> int:
        if self.process.returncode is None:
            self.process.send_signal(sig)
            try:
                await asyncio.wait_for(self.process.wait(), timeout)
            except asyncio.TimeoutError:
                self.process.kill()
                await self.process.wait()
        return self.process.returncode


async def start_app_process(database_dsn: str, data_dir: Path, *, ready_timeout: float = 30.0,
                            run_args: tuple[str, ...] = (), **env_overrides: str) -> LiveProcess:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("APO_")}
    env.update({"APO_POSTGRES_DSN": database_dsn, "APO_DATA_DIR": str(data_dir),
                "APO_HTTP_PORT": str(port), "APO_LOG_LEVEL": "INFO", **env_overrides})
    log_path = data_dir / "app.log"
    log = log_path.open("wb")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "app", "run", *run_args, cwd=str(data_dir), env=env, stdout=log, stderr=log)
    live = LiveProcess(process, f"http://127.0.0.1:{port}", log_path)
    await _wait_ready(live, ready_timeout)
    return live


async def _wait_ready(live: LiveProcess, timeout: float) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    async with aiohttp.ClientSession() as session:
        while asyncio.get_running_loop().time() < deadline:
            if live.process.returncode is not None:
                raise AssertionError(f"the app exited with {live.process.returncode}:\n{live.log()}")
            try:
                async with session.get(live.base_url + "/readyz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    await live.stop(signal.SIGKILL)
    raise AssertionError(f"the app was not ready within {timeout} s:\n{live.log()}")
