"""Password hashing (argon2id, of the NFKC form) and opaque random secrets stored only as hashes."""
from __future__ import annotations

import asyncio
import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from actors.users.passwords import normalized

# argon2-cffi's PasswordHasher is argon2id with RFC 9106's low-memory profile.
_hasher = PasswordHasher()
# Verifying against this keeps an unknown email as slow as a wrong password (no user enumeration).
_DUMMY_HASH = _hasher.hash("not-a-real-password")

TOKEN_PREFIX = "apo_"
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes get typed by hand


async def hash_password(password: str) -> str:
    # argon2 is deliberately slow; a thread keeps the event loop serving others meanwhile.
    return await asyncio.to_thread(_hasher.hash, normalized(password))


async def verify_password(password_hash: str | None, password: str) -> bool:
    return await asyncio.to_thread(_verify_typed, password_hash or _DUMMY_HASH, password, password_hash is not None)


def _verify_typed(password_hash: str, password: str, real: bool) -> bool:
    # Hashes are of the NFKC form; one made before passwords were normalized is of the password as
    # it was typed then, which the NFKC form misses only when that had compatibility characters.
    form = normalized(password)
    return _verify(password_hash, form, real) or (form != password and _verify(password_hash, password, real))


def _verify(password_hash: str, password: str, real: bool) -> bool:
    try:
        return _hasher.verify(password_hash, password) and real
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def new_link_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(10))


def secret_hash(value: str) -> bytes:
    """Tokens and codes are high-entropy, so a fast hash is enough to make a stolen table useless."""
    return hashlib.sha256(value.encode()).digest()
