"""The token -> user id cache (TOKEN_CACHE_SECONDS in the @cached backend), keyed by the token's hash,
never the token itself. The sessions actor fills and reads it; log-out and account deletion drop
entries, so a revoked token stops working at once in this process (elsewhere within the TTL). An
entry never outlives its token: it keeps the expiry and is not used past it."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone

from actors.aspects.cache import cache_delete, cache_get, cache_set, get_cache

TOKEN_CACHE_SECONDS = 30.0


def _key(digest: bytes) -> str:
    return f"apo:tokens:{digest.hex()}"


async def cached_token_user(digest: bytes) -> int | None:
    hit = await cache_get(get_cache(), _key(digest))
    if hit is None:
        return None
    user_id, expires_at = hit[0]
    return user_id if datetime.now(timezone.utc) < expires_at else None


async def remember_token_user(digest: bytes, user_id: int, expires_at: datetime) -> None:
    left = (expires_at - datetime.now(timezone.utc)).total_seconds()
    if left > 0:
        await cache_set(get_cache(), _key(digest), ((user_id, expires_at),), min(TOKEN_CACHE_SECONDS, left))


async def forget_tokens(digests: Iterable[bytes]) -> None:
    for digest in digests:
        await cache_delete(get_cache(), _key(digest))
