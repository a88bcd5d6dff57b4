#!/usr/bin/env bash
# Installs what the throwaway test servers need (DESIGN §7); `make test` runs it before pytest.
# Idempotent and quick when everything is present. It never starts a server: the pytest fixtures do.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FERRET_SRC="$ROOT/tests/support/ferretdb"
FERRET_BIN="$ROOT/.cache/bin/apo-ferretdb"
export DEBIAN_FRONTEND=noninteractive

say() { echo "test-deps: $*"; }

# Under CI a missing piece must stop the run here with a clear reason; a developer just gets skips.
give_up() {
    say "$*"
    if [ "${CI:-}" = "true" ]; then exit 1; fi
}

apt_install() {
    if [ "$(id -u)" -ne 0 ]; then
        give_up "not root, cannot apt-get install $*; those tests will be skipped"
        return 0
    fi
    say "apt-get install $*"
    # The package lists may be stale or missing on a fresh machine: update only when needed.
    if ! apt-get install -y -q --no-install-recommends "$@" >/dev/null; then
        say "apt-get update, then retry"
        apt-get update -q >/dev/null
        apt-get install -y -q --no-install-recommends "$@" >/dev/null
    fi
}

# ClickHouse: Debian names the binary clickhouse-server (in /usr/sbin); upstream ships `clickhouse`.
if command -v clickhouse-server >/dev/null || [ -x /usr/sbin/clickhouse-server ] || command -v clickhouse >/dev/null; then
    say "ClickHouse present"
else
    apt_install clickhouse-server
fi

# PostgreSQL 15: the fixture runs initdb/postgres from here.
if [ -x /usr/lib/postgresql/15/bin/initdb ]; then
    say "PostgreSQL 15 present"
else
    apt_install postgresql-15
fi

# Compose validation (deploy test): the docker CLI here has no compose plugin; Debian's
# docker-compose validates the same file without an engine.
if docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null; then
    say "compose present"
else
    apt_install docker-compose
fi

# The web app's browser tests: Debian's Chromium (driven by Playwright's Python package, never its
# own browser downloads) and a font with Cyrillic; building the app needs Node.js (>= 20.19) and npm.
if [ -x /usr/bin/chromium ]; then
    say "Chromium present"
else
    apt_install chromium fonts-dejavu-core
fi
if command -v npm >/dev/null; then
    say "npm present"
else
    give_up "npm not found (need Node.js >= 20.19): the web app cannot be built; its browser tests will be skipped"
fi

# FerretDB: our small Go program, rebuilt only when its sources are newer than the binary.
GO="$(command -v go || true)"
if [ -z "$GO" ] && [ -x /usr/local/go/bin/go ]; then GO=/usr/local/go/bin/go; fi
stale=no
if [ ! -x "$FERRET_BIN" ]; then
    stale=yes
else
    for src in main.go go.mod go.sum; do
        if [ "$FERRET_SRC/$src" -nt "$FERRET_BIN" ]; then stale=yes; fi
    done
fi
if [ "$stale" = no ]; then
    say "apo-ferretdb up to date"
elif [ -z "$GO" ]; then
    give_up "Go not found (need Go >= 1.24), cannot build apo-ferretdb; MongoDB-wire tests will be skipped"
else
    say "building apo-ferretdb (first build downloads modules, ~1 min)"
    mkdir -p "$(dirname "$FERRET_BIN")"
    (cd "$FERRET_SRC" && GOFLAGS=-mod=mod "$GO" build -o "$FERRET_BIN" .)
    say "built $FERRET_BIN"
fi
