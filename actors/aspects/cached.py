"""@cached for queries and @invalidates for the commands (and events) that change their answers.

A cached entry's key is namespace + handler + key(message). Every @cached handler registers its
namespace, so invalidation deletes exactly the keys of every query in that namespace: no key scans,
which keeps Redis cheap. Values are stored wrapped in a 1-tuple, so a cached None is still a hit,
and the handler's return (a pydantic model) comes back as it was.

Queries and the commands that invalidate them belong to one actor, routed by the same key, so a
command cannot interleave with a query of the same key and leave a stale entry behind.
"""
from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Hashable
from typing import Any

from aiocache.base import BaseCache

from actors.aspects.cache import cache_delete, cache_get, cache_set, get_cache
from actors.aspects.order import check_order, mark

KeyFn = Callable[[Any], Hashable]
AsyncHandler = Callable[[Any, Any], Awaitable[Any]]

# namespace -> (handler tag, its own backend or None for the default)
_registry: dict[str, list[tuple[str, BaseCache | None]]] = {}


def cache_key(namespace: str, tag: str, key_value: Hashable) -> str:
    return f"apo:{namespace}:{tag}:{key_value}"


def cached(ttl: float, key: KeyFn, namespace: str, cache: BaseCache | None = None
           ) -> Callable[[AsyncHandler], AsyncHandler]:
    """Caches the reply for `ttl` seconds per key(message). `cache`: a backend for this handler only."""
    if ttl <= 0:
        raise ValueError("@cached needs a positive ttl: a cache without expiry hides missed invalidations")

    def decorate(fn: AsyncHandler) -> AsyncHandler:
        check_order("cached", fn)
        tag = fn.__qualname__
        entries = _registry.setdefault(namespace, [])
        if (tag, cache) not in entries:
            entries.append((tag, cache))

        @functools.wraps(fn)
        async def wrapper(self: Any, message: Any) -> Any:
            backend = cache or get_cache()
            entry_key = cache_key(namespace, tag, key(message))
            hit = await cache_get(backend, entry_key)
            if hit is not None:
                return hit[0]
            value = await fn(self, message)
            await cache_set(backend, entry_key, (value,), ttl)
            return value

        return mark("cached", wrapper)

    return decorate


def invalidates(*namespaces: str, key: KeyFn) -> Callable[[AsyncHandler], AsyncHandler]:
    """After the handler (even when it fails: a half-done change must not leave stale answers)."""
    if not namespaces:
        raise ValueError("@invalidates needs at least one namespace")

    def decorate(fn: AsyncHandler) -> AsyncHandler:
        check_order("invalidates", fn)

        @functools.wraps(fn)
        async def wrapper(self: Any, message: Any) -> Any:
            try:
                return await fn(self, message)
            finally:
                key_value = key(message)
                for namespace in namespaces:
                    await invalidate(namespace, key_value)

        return mark("invalidates", wrapper)

    return decorate


async def invalidate(namespace: str, key_value: Hashable) -> None:
    """Drops every cached query answer of `namespace` for this key; usable outside decorators too."""
    for tag, cache in _registry.get(namespace, ()):
        await cache_delete(cache or get_cache(), cache_key(namespace, tag, key_value))
