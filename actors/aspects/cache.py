"""The cache backend behind @cached: aiocache, in memory by default, swappable (e.g. Redis).

A cache failure never fails a request: reads fall through to the handler, writes are skipped,
and both are logged. A Redis backend needs a serializer that round-trips pydantic models
(aiocache's PickleSerializer does).
"""
from __future__ import annotations

from typing import Any

from aiocache import SimpleMemoryCache
from aiocache.base import BaseCache
from loguru import logger

_cache: BaseCache | None = None


def configure_cache(cache: BaseCache | None) -> BaseCache | None:
    """Installs the default backend for @cached (None: a fresh in-memory one); returns the previous."""
    global _cache
    previous, _cache = _cache, cache
    return previous


def get_cache() -> BaseCache:
    global _cache
    if _cache is None:
        # timeout=None: memory operations cannot hang, and aiocache's timeout costs a task per call.
        _cache = SimpleMemoryCache(timeout=None)
    return _cache


async def cache_get(cache: BaseCache, key: str) -> tuple[Any] | None:
    try:
        return await cache.get(key)
    except Exception:  # noqa: BLE001 - any backend failure degrades to a miss
        logger.opt(exception=True).warning("cache read failed for {}; asking the handler", key)
        return None


async def cache_set(cache: BaseCache, key: str, value: tuple[Any], ttl: float) -> None:
    try:
        await cache.set(key, value, ttl=ttl)
    except Exception:  # noqa: BLE001 - a failed write only costs a later miss
        logger.opt(exception=True).warning("cache write failed for {}", key)


async def cache_delete(cache: BaseCache, key: str) -> None:
    try:
        await cache.delete(key)
    except Exception:  # noqa: BLE001 - the entry then lives until its ttl; logged
        logger.opt(exception=True).warning("cache invalidation failed for {}", key)
