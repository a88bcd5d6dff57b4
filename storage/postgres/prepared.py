"""Hot statements that PostgreSQL parses and plans once per connection (PREPARE), then only executes.

Every training answer runs the same handful of statements; planning them anew each time cost
PostgreSQL about as much CPU as executing them. A statement is written as usual, with %(name)s
parameters; here it becomes `PREPARE name AS … $1 …` and is run as `EXECUTE name(%s, …)`, with the
values still bound by the driver (never pasted into SQL). Which statements a connection has
prepared is kept on the connection: a new connection (a restart, a recycled one) prepares again.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_PARAM = re.compile(r"%\((\w+)\)s")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class Prepared:
    def __init__(self, name: str, sql: str) -> None:
        if not _NAME.match(name):
            raise ValueError(f"prepared statement name {name!r}: lower-case letters, digits and _")
        order: list[str] = []

        def numbered(match: re.Match[str]) -> str:
            key = match.group(1)
            if key not in order:
                order.append(key)
            return f"${order.index(key) + 1}"

        self.name = name
        self.sql = sql  # as written: what an EXPLAIN or a test reads
        self.prepare = f"PREPARE {name} AS {_PARAM.sub(numbered, sql).replace('%%', '%')}"
        self.execute = f"EXECUTE {name} ({', '.join(['%s'] * len(order))})" if order else f"EXECUTE {name}"
        self._order = tuple(order)

    def values(self, params: Mapping[str, Any] | None) -> list[Any]:
        params = params or {}
        missing = [key for key in self._order if key not in params]
        if missing:
            raise KeyError(f"{self.name}: missing parameters {', '.join(missing)}")
        return [params[key] for key in self._order]
