"""Staff PINs, stored only as salted scrypt hashes.

A PIN has few digits, so the hash must be slow: scrypt with n=2**14 takes
tens of milliseconds per guess, and the pad's lockout limits guesses anyway.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

N, R, P = 2**14, 8, 1
MIN_DIGITS = 4
MAX_DIGITS = 12
"""The staff pad takes at most this many digits: a longer PIN could never be typed."""


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """``scrypt$n$r$p$salt$hash`` with base64 parts; the PIN itself is not kept."""
    if not pin.isdigit() or len(pin) < MIN_DIGITS:
        raise ValueError(f"a PIN is at least {MIN_DIGITS} digits")
    if len(pin) > MAX_DIGITS:
        raise ValueError(f"a PIN is at most {MAX_DIGITS} digits (the staff pad takes no more)")
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${_b64(salt)}${_b64(digest)}"


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def is_pin_hash(text: str) -> bool:
    parts = text.split("$")
    return len(parts) == 6 and parts[0] == "scrypt"
