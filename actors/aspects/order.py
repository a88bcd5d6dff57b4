"""The one fixed order of handler aspects, checked when a class body is executed (import time).

Top to bottom: @handles, @logged, @timed, then @cached (queries) or @invalidates (commands).
@logged outermost sees the whole cost and every outcome; @timed measures the handler including a
cache hit; the cache sits right on the handler so a hit skips only the handler's own work.
"""
from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from actors.runtime.actor import HANDLES_ATTR

ASPECT_ATTR = "__apo_aspect__"
ORDER_TEXT = "@handles, @logged, @timed, @cached | @invalidates (top to bottom)"
_RANK = {"logged": 3, "timed": 2, "cached": 1, "invalidates": 1}


class AspectOrderError(TypeError):
    """Aspects stacked in a wrong order, twice, or a query and a command aspect on one handler."""


def check_order(aspect: str, fn: Callable[..., Any]) -> None:
    """Raises unless `aspect` may wrap `fn`, given what already wraps it."""
    where = getattr(fn, "__qualname__", repr(fn))
    if not inspect.iscoroutinefunction(fn):
        raise TypeError(f"@{aspect}: {where} must be an async def handler")
    if hasattr(fn, HANDLES_ATTR):
        raise AspectOrderError(f"@{aspect} on {where} is above @handles; the order is {ORDER_TEXT}")
    inner = getattr(fn, ASPECT_ATTR, None)
    if inner is None:
        return
    if inner == aspect:
        raise AspectOrderError(f"@{aspect} applied twice on {where}")
    if _RANK[inner] == _RANK[aspect]:
        raise AspectOrderError(f"{where}: @cached and @invalidates exclude each other: a handler is a "
                               f"query or a command, not both")
    if _RANK[inner] > _RANK[aspect]:
        raise AspectOrderError(f"@{aspect} on {where} must sit below @{inner}; the order is {ORDER_TEXT}")


def mark(aspect: str, wrapper: Callable[..., Any]) -> Callable[..., Any]:
    setattr(wrapper, ASPECT_ATTR, aspect)  # after functools.wraps, which copied the inner mark
    return wrapper
