"""Why `apo run` could not start, in one line that names the setting to fix (exit code 2).

Only the failures an operator causes and fixes are explained: the PostgreSQL DSN, the listening
address, the data directory. Anything else is a bug and keeps its traceback.
"""
from __future__ import annotations

import errno
import os
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg2

from app.config import Settings
from app.logging_setup import mask_secrets
from storage.postgres import MigrationError, StoreUnavailable


class StartupError(Exception):
    """A start-up failure with its one-line explanation."""


def check_data_dir(data_dir: Path) -> None:
    """The data dir (embedded PostgreSQL, analytics spool) must be a directory we can write to."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=data_dir, prefix=".apo-write-check-"):
            pass
    except OSError as exc:
        raise StartupError(f"APO_DATA_DIR={data_dir} is not a writable directory: "
                           f"{exc.strerror or type(exc).__name__}") from None


def check_port(host: str, port: int) -> None:
    """Fails before any store is opened when the address is taken (aiohttp would tell only after
    migrations and start-up); the real bind still reports a race the same way."""
    try:
        with socket.create_server((host, port), reuse_port=False) as listener:
            listener.close()
    except OSError as exc:
        raise StartupError(_listen_failure(host, port, exc)) from None


def _listen_failure(host: str, port: int, exc: OSError) -> str:
    reason = os.strerror(exc.errno).lower() if exc.errno else str(exc)
    return f"cannot listen on {host}:{port} (APO_HTTP_HOST, APO_HTTP_PORT): {reason}"


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def explain(exc: BaseException, settings: Settings) -> str | None:
    """The one line for a failure the operator can fix, or None for a bug."""
    for cause in _chain(exc):
        if isinstance(cause, StartupError):
            return str(cause)
        if isinstance(cause, psycopg2.Error) or isinstance(cause, (StoreUnavailable, MigrationError)):
            first_line = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
            where = "APO_POSTGRES_DSN" if settings.postgres_dsn is not None else "the embedded PostgreSQL"
            return mask_secrets(f"PostgreSQL ({where}) is not usable: {first_line}")
        if isinstance(cause, OSError) and cause.errno in (errno.EADDRINUSE, errno.EADDRNOTAVAIL, errno.EACCES):
            return _listen_failure(settings.http_host, settings.http_port, cause)
    return None
