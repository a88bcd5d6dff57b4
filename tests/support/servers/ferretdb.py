"""A throwaway MongoDB-wire server: our FerretDB v1 build (tests/support/ferretdb) on SQLite."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pymongo

from .common import PROJECT_ROOT, RunningServer, ServerUnavailable, free_port, launch, port_open

BINARY = PROJECT_ROOT / ".cache" / "bin" / "apo-ferretdb"


def start() -> RunningServer:
    if not os.access(BINARY, os.X_OK):
        raise ServerUnavailable(f"{BINARY} is not built (run: bash tests/support/install_test_deps.sh)")
    tmpdir = Path(tempfile.mkdtemp(prefix="apo-test-ferretdb-"))
    port = free_port()
    url = f"mongodb://127.0.0.1:{port}/"

    def ready() -> bool:
        # The TCP check is cheap; the ping proves the wire handshake (hello, wire version) works.
        if not port_open(port):
            return False
        with pymongo.MongoClient(url, serverSelectionTimeoutMS=1000, connectTimeoutMS=1000) as client:
            client.admin.command("ping")
        return True

    # Runs as the current user: FerretDB does not mind root, and the SQLite files are ours.
    argv = [str(BINARY), "-listen", f"127.0.0.1:{port}", "-state-dir", str(tmpdir / "state")]
    return launch("ferretdb", argv, url=url, tmpdir=tmpdir, log=tmpdir / "ferretdb.log", ready=ready)
