"""A throwaway PostgreSQL 15 cluster in a temp dir, tuned for tests (no fsync, trust auth).

`start()` runs one for the session; `start_restartable()` gives a test its own cluster that it can
take down and bring back on the same port (reliability tests).
"""
from __future__ import annotations

import glob
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg2

from .common import (
    _RUNNING,
    RunningServer,
    ServerUnavailable,
    free_port,
    give_to,
    launch,
    log_tail,
    run_as_kwargs,
    stop_process,
)

USER = "postgres"

# Durability is pointless for a cluster that is deleted after the run, and costs seconds.
SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "fsync": "off",
    "full_page_writes": "off",
    "synchronous_commit": "off",
    "max_connections": "200",
}


def find_bindir() -> Path:
    """Debian's PostgreSQL 15 first (what CI installs), else the newest Debian version present."""
    candidates = ["/usr/lib/postgresql/15/bin"] + sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for candidate in candidates:
        if os.access(os.path.join(candidate, "initdb"), os.X_OK):
            return Path(candidate)
    raise ServerUnavailable("PostgreSQL binaries not found in /usr/lib/postgresql/15/bin "
                            "(run: bash tests/support/install_test_deps.sh)")


def start() -> RunningServer:
    tmpdir = _init_cluster()
    return _launch(tmpdir, free_port())


def _init_cluster() -> Path:
    """A fresh cluster in a new temp dir owned by postgres: data/ and postgres.log inside it."""
    bindir = find_bindir()
    tmpdir = Path(tempfile.mkdtemp(prefix="apo-test-postgres-"))
    data, log = tmpdir / "data", tmpdir / "postgres.log"
    log.touch()
    give_to(tmpdir, USER)

    init = subprocess.run(
        [bindir / "initdb", "-D", data, "-U", USER, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"],
        check=False, cwd=tmpdir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        **run_as_kwargs(USER))
    if init.returncode != 0:
        shutil.rmtree(tmpdir, ignore_errors=True)
        raise ServerUnavailable(f"initdb failed:\n{init.stdout[-2000:]}")
    return tmpdir


def _launch(tmpdir: Path, port: int) -> RunningServer:
    """Runs the cluster in tmpdir on this port until ready. On failure the temp dir is removed."""
    argv = [find_bindir() / "postgres", "-D", tmpdir / "data", "-p", str(port), "-k", tmpdir]
    for name, value in SETTINGS.items():
        argv += ["-c", f"{name}={value}"]
    dsn = f"postgresql://{USER}@127.0.0.1:{port}/postgres"

    def ready() -> bool:
        psycopg2.connect(dsn, connect_timeout=1).close()
        return True

    # SIGINT is PostgreSQL's "fast" shutdown: it disconnects clients (a test's pool may still be
    # open) instead of SIGTERM's "smart" mode, which waits for them to leave.
    return launch("postgres", argv, url=dsn, tmpdir=tmpdir, log=tmpdir / "postgres.log", ready=ready,
                  stop_signal=signal.SIGINT, **run_as_kwargs(USER))


class RestartablePostgres:
    """A dedicated cluster a test may stop and start again on the SAME port, keeping its data.

        pg = postgres.start_restartable()
        pg.down()      # fast shutdown (SIGINT): clients are disconnected, committed data is kept
        pg.up()        # the same data dir on the same port; returns when it accepts connections
        pg.stop()      # for good: the temp dir is removed

    The methods block (they wait for the process): call them with asyncio.to_thread in async tests.
    """

    def __init__(self) -> None:
        self._tmpdir = _init_cluster()
        self.port = free_port()
        self._server: RunningServer | None = _launch(self._tmpdir, self.port)
        self.dsn = self._server.url

    @property
    def running(self) -> bool:
        return self._server is not None

    def down(self, grace: float = 10.0) -> float:
        """Fast shutdown, data dir kept; returns the seconds it took."""
        if self._server is None:
            raise RuntimeError("PostgreSQL is already down")
        started = time.monotonic()
        server, self._server = self._server, None
        stop_process(server.process, signal.SIGINT, grace)
        _RUNNING.discard(server)  # its temp dir stays: the next up() reuses it
        return time.monotonic() - started

    def up(self) -> float:
        """Starts the kept cluster again on the same port; returns the seconds until it was ready.
        A start that fails removes the cluster (as launch() does), so the test fails loudly."""
        if self._server is not None:
            raise RuntimeError("PostgreSQL is already up")
        started = time.monotonic()
        self._server = _launch(self._tmpdir, self.port)
        return time.monotonic() - started

    def stop(self) -> None:
        """For good: stops the server if it runs and removes the cluster."""
        if self._server is not None:
            self._server.stop()  # removes the temp dir too
            self._server = None
        shutil.rmtree(self._tmpdir, ignore_errors=True)

    def log_tail(self, lines: int = 30) -> str:
        return log_tail(self._tmpdir / "postgres.log", lines)


def start_restartable() -> RestartablePostgres:
    return RestartablePostgres()
