"""Passwords and API keys: scrypt for passwords, random keys stored only as hashes."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from tiescreen.errors import ConfigError

# scrypt cost: 2**14 rounds, r=8, p=1 (OWASP's minimum); about 16 MiB and 50 ms per check.
_N, _R, _P = 2**14, 8, 1
API_KEY_PREFIX = "ts_"
MIN_PASSWORD = 8


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str) -> str:
    """A salted scrypt hash of ``password`` in a self-describing string.

    Raises:
        ConfigError: the password is shorter than 8 characters.
    """
    if len(password) < MIN_PASSWORD:
        raise ConfigError(f"a password needs at least {MIN_PASSWORD} characters")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, maxmem=64 * 1024 * 1024)
    return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str | None) -> bool:
    """True when ``password`` matches the stored hash (constant-time comparison)."""
    if not stored:
        return False
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(
            password.encode("utf-8"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=64 * 1024 * 1024,
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


def new_api_key() -> tuple[str, str]:
    """A fresh API key and the hash to store (the key itself is shown once, never stored)."""
    key = API_KEY_PREFIX + secrets.token_urlsafe(32)
    return key, hash_api_key(key)


def hash_api_key(key: str) -> str:
    """The stored form of an API key. Keys are 256 random bits, so a plain SHA-256 suffices."""
    return hashlib.sha256(key.strip().encode("utf-8")).hexdigest()
