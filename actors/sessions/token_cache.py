"""The token -> user id cache (TOKEN_CACHE_SECONDS in the @cached backend), keyed by the token's hash,
never the token itself. The sessions actor fills and reads it; log-out and account deletion drop
entries, so a revoked token stops working at once in this process (elsewhere within the TTL)."""
from __future__ import annotations

from collections.abc import Iterable

from actors.aspects.cache import cache_delete, cache_get, cache_set, get_cache

TOKEN_CACHE_SECONDS = 30.0


def _key(digest: bytes) -> str:
    return f"apo:tokens:{digest.hex()}"


async def cached_token_user(digest: bytes) -> int | None:
    hit = await cache_get(get_cache(), _key(digest))
    return hit[0] if hit is not None else None


async def remember_token_user(digest: bytes, user_id: int) -> None:
    await cache_set(get_cache(), _key(digest), (user_id,), TOKEN_CACHE_SECONDS)


async def forget_tokens(digests: Iterable[bytes]) -> None:
    for digest in digests:
        await cache_delete(get_cache(), _key(digest))
