"""Helpers shared by the throwaway test servers: ports, waiting, users, stopping by PID."""
from __future__ import annotations

import atexit
import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[3]


class ServerUnavailable(Exception):
    """The server cannot be started here (binary missing, build missing, start failed)."""


def free_port() -> int:
    """A port that was free a moment ago; the server binds it right after, so races are rare."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def log_tail(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def run_as_kwargs(user: str) -> dict:
    """Popen arguments that drop root to `user` (initdb refuses root, ClickHouse wants its own user).

    Popen(user=...) does what `runuser -u USER --` does, but the PID we hold is the server's own,
    not a wrapper's, so a SIGKILL fallback reaches the server. As a non-root developer we run as
    ourselves.
    """
    if os.geteuid() != 0:
        return {}
    try:
        pwd.getpwnam(user)
    except KeyError:
        raise ServerUnavailable(f"system user {user!r} does not exist (is the package installed?)")
    return {"user": user, "group": pwd.getpwnam(user).pw_gid, "extra_groups": []}


def give_to(path: Path, user: str) -> None:
    """chown a directory tree to the service user when we are root."""
    if os.geteuid() != 0:
        return
    entry = pwd.getpwnam(user)
    for root, dirs, files in os.walk(path):
        os.chown(root, entry.pw_uid, entry.pw_gid)
        for name in dirs + files:
            os.chown(os.path.join(root, name), entry.pw_uid, entry.pw_gid)


@dataclass(eq=False)  # identity semantics: kept in a set until stopped
class RunningServer:
    """One started server: its URL, its process and the temp dir it lives in."""

    name: str
    url: str
    process: subprocess.Popen
    tmpdir: Path
    stop_signal: int = signal.SIGTERM
    started_in: float = 0.0
    _stopped: bool = field(default=False, repr=False)

    def stop(self, grace: float = 10.0) -> None:
        if self._stopped:
            return
        self._stopped = True
        stop_process(self.process, self.stop_signal, grace)
        shutil.rmtree(self.tmpdir, ignore_errors=True)
        _RUNNING.discard(self)


# Safety net: if a fixture's teardown never ran (pytest crashed), atexit still stops the servers.
_RUNNING: set[RunningServer] = set()
atexit.register(lambda: [server.stop() for server in list(_RUNNING)])


def launch(name: str, argv: list[str], *, url: str, tmpdir: Path, log: Path, ready: Callable[[], bool],
           stop_signal: int = signal.SIGTERM, timeout: float = 30.0, **popen_kwargs) -> RunningServer:
    """Start a server, wait until `ready()`, and register it for stopping; clean up if it fails.

    The server gets its own session, so Ctrl-C on pytest does not hit it before teardown does.
    """
    started = time.monotonic()
    process = None
    try:
        with open(log, "ab") as out:
            process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                       cwd=tmpdir, start_new_session=True, **popen_kwargs)
        wait_until_ready(process, ready, name=name, log=log, timeout=timeout)
    except BaseException:
        if process is not None:
            stop_process(process, signal.SIGKILL, 1.0)
        shutil.rmtree(tmpdir, ignore_errors=True)
        raise
    server = RunningServer(name, url, process, tmpdir, stop_signal, time.monotonic() - started)
    _RUNNING.add(server)
    return server


def wait_until_ready(process: subprocess.Popen, ready: Callable[[], bool], *, name: str, log: Path,
                     timeout: float = 30.0) -> None:
    """Poll `ready` until it is true; fail early with the log if the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerUnavailable(f"{name} exited with code {process.returncode}:\n{log_tail(log)}")
        with contextlib.suppress(Exception):  # any error just means "not ready yet"
            if ready():
                return
        time.sleep(0.1)
    raise ServerUnavailable(f"{name} was not ready after {timeout:.0f}s:\n{log_tail(log)}")


def stop_process(process: subprocess.Popen, sig: int, grace: float) -> None:
    """Send `sig` to the server's PID; after `grace` seconds SIGKILL its whole process group."""
    if process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(grace)
        return
    except subprocess.TimeoutExpired:
        pass
    # Not reaped yet, so its PID (= the group id, thanks to start_new_session) is still ours.
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(5)
