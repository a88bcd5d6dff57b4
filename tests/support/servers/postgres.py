"""A throwaway PostgreSQL 15 cluster in a temp dir, tuned for tests (no fsync, trust auth)."""
from __future__ import annotations

import glob
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import psycopg2

from .common import RunningServer, ServerUnavailable, free_port, give_to, launch, run_as_kwargs

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
    bindir = find_bindir()
    as_postgres = run_as_kwargs(USER)
    tmpdir = Path(tempfile.mkdtemp(prefix="apo-test-postgres-"))
    data, log = tmpdir / "data", tmpdir / "postgres.log"
    log.touch()
    give_to(tmpdir, USER)

    init = subprocess.run(
        [bindir / "initdb", "-D", data, "-U", USER, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"],
        check=False, cwd=tmpdir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **as_postgres)
    if init.returncode != 0:
        shutil.rmtree(tmpdir, ignore_errors=True)
        raise ServerUnavailable(f"initdb failed:\n{init.stdout[-2000:]}")

    port = free_port()
    argv = [bindir / "postgres", "-D", data, "-p", str(port), "-k", tmpdir]
    for name, value in SETTINGS.items():
        argv += ["-c", f"{name}={value}"]
    dsn = f"postgresql://{USER}@127.0.0.1:{port}/postgres"

    def ready() -> bool:
        psycopg2.connect(dsn, connect_timeout=1).close()
        return True

    # SIGINT is PostgreSQL's "fast" shutdown: it disconnects clients (a test's pool may still be
    # open) instead of SIGTERM's "smart" mode, which waits for them to leave.
    return launch("postgres", argv, url=dsn, tmpdir=tmpdir, log=log, ready=ready,
                  stop_signal=signal.SIGINT, **as_postgres)

