"""Where the explicit aspects may sit, checked when a class body is executed (import time).

The runtime wraps every handler in logging and timing (outermost, so they see a cache hit too);
@cached (queries) or @invalidates (commands) sits right under @handles, on the handler itself, so
a hit skips only the handler's own work. A handler is a query or a command, never both.
"""
from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from actors.runtime.actor import HANDLES_ATTR

ASPECT_ATTR = "__apo_aspect__"


class AspectOrderError(TypeError):
    """An aspect above @handles, applied twice, or a query and a command aspect on one handler."""


def check_order(aspect: str, fn: Callable[..., Any]) -> None:
    """Raises unless `aspect` may wrap `fn`, given what already wraps it."""
    where = getattr(fn, "__qualname__", repr(fn))
    if not inspect.iscoroutinefunction(fn):
        raise TypeError(f"@{aspect}: {where} must be an async def handler")
    if hasattr(fn, HANDLES_ATTR):
        raise AspectOrderError(f"@{aspect} on {where} is above @handles; it goes right under it")
    inner = getattr(fn, ASPECT_ATTR, None)
    if inner == aspect:
        raise AspectOrderError(f"@{aspect} applied twice on {where}")
    if inner is not None:
        raise AspectOrderError(f"{where}: @cached and @invalidates exclude each other: a handler is a "
                               f"query or a command, not both")


def mark(aspect: str, wrapper: Callable[..., Any]) -> Callable[..., Any]:
    setattr(wrapper, ASPECT_ATTR, aspect)  # after functools.wraps, which copied the inner mark
    return wrapper
