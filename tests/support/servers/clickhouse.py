"""A throwaway ClickHouse (Debian's 18.16 package) with its own config, ports and paths in a temp dir."""
from __future__ import annotations

import shutil
import tempfile
import urllib.request
from pathlib import Path

from .common import RunningServer, ServerUnavailable, free_port, give_to, launch, run_as_kwargs

USER = "clickhouse"

# The log goes to stdout, which launch() writes to a file in the temp dir: one file, and startup
# errors (before the logger is up) land there too.
# No interserver_http_port: without it 18.16 does not open the replication port at all.
CONFIG = """<?xml version="1.0"?>
<yandex>
    <logger>
        <level>warning</level>
        <console>1</console>
    </logger>
    <listen_host>127.0.0.1</listen_host>
    <http_port>{http_port}</http_port>
    <tcp_port>{tcp_port}</tcp_port>
    <path>{dir}/data/</path>
    <tmp_path>{dir}/tmp/</tmp_path>
    <user_files_path>{dir}/user_files/</user_files_path>
    <format_schema_path>{dir}/format_schemas/</format_schema_path>
    <users_config>{dir}/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <mark_cache_size>268435456</mark_cache_size>
    <uncompressed_cache_size>268435456</uncompressed_cache_size>
    <mlock_executable>false</mlock_executable>
</yandex>
"""

# The `default` user without a password, reachable from loopback only.
USERS = """<?xml version="1.0"?>
<yandex>
    <profiles><default><max_memory_usage>2000000000</max_memory_usage></default></profiles>
    <users>
        <default>
            <password></password>
            <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
        </default>
    </users>
    <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
        <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time>
    </interval></default></quotas>
</yandex>
"""


def find_command() -> list[str]:
    """Debian ships a separate `clickhouse-server` (in /usr/sbin); upstream ships `clickhouse server`."""
    for candidate in ("clickhouse-server", "/usr/sbin/clickhouse-server"):
        if path := shutil.which(candidate):
            return [path]
    if path := shutil.which("clickhouse"):
        return [path, "server"]
    raise ServerUnavailable("clickhouse-server not found (run: bash tests/support/install_test_deps.sh)")


def start() -> RunningServer:
    command = find_command()
    as_clickhouse = run_as_kwargs(USER)
    tmpdir = Path(tempfile.mkdtemp(prefix="apo-test-clickhouse-"))
    http_port = free_port()
    while (tcp_port := free_port()) == http_port:
        pass
    config = tmpdir / "config.xml"
    config.write_text(CONFIG.format(dir=tmpdir, http_port=http_port, tcp_port=tcp_port))
    (tmpdir / "users.xml").write_text(USERS)
    give_to(tmpdir, USER)
    url = f"http://127.0.0.1:{http_port}"

    # No proxy for loopback, even when http_proxy is set in the environment.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def ready() -> bool:
        with opener.open(f"{url}/ping", timeout=1) as response:
            return response.read().strip() == b"Ok."

    return launch("clickhouse", command + [f"--config-file={config}"], url=url, tmpdir=tmpdir,
                  log=tmpdir / "clickhouse-server.log", ready=ready, **as_clickhouse)
