"""Throwaway real servers for the test session (DESIGN §6–7).

Each server module has `start() -> RunningServer`; `serve()` turns one into a session fixture body:
an env var can point at an already running server instead, and a server that cannot be started
skips its tests locally but fails them under CI=true.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest

from . import clickhouse, ferretdb, postgres
from .common import RunningServer, ServerUnavailable

__all__ = ["RunningServer", "ServerUnavailable", "clickhouse", "ferretdb", "postgres", "serve"]


def serve(name: str, override_env: str, start: Callable[[], RunningServer]) -> Iterator[str]:
    """Yield the server's URL for the whole session and stop the server afterwards."""
    if url := os.environ.get(override_env):
        yield url  # the developer's own server: not ours to stop
        return
    try:
        server = start()
    except ServerUnavailable as exc:
        server, reason = None, f"{name} test server unavailable: {exc}"
    if server is None:  # outside the except block, so the report shows just the reason
        if os.environ.get("CI") == "true":
            pytest.fail(reason, pytrace=False)  # CI must never silently skip (DESIGN §6)
        pytest.skip(reason)
    try:
        yield server.url
    finally:
        server.stop()
