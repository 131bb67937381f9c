"""Time-sortable ids (ULID layout: 48-bit ms timestamp + 80 random bits, Crockford base32)."""

from __future__ import annotations

import random
import time
from datetime import date

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"


def new_id(now_ms: int | None = None) -> str:
    """A 26-char id that sorts by creation time, so newest-first is a reverse key order."""
    ms = time.time_ns() // 1_000_000 if now_ms is None else now_ms
    # Ids need uniqueness, not secrecy (every lookup is inside the caller's partition), and
    # an os.urandom syscall per id was measurable on the chat hot path.
    value = (ms << 80) | random.getrandbits(80)
    chars = []
    for _ in range(26):
        value, digit = divmod(value, 32)
        chars.append(_ALPHABET[digit])
    return "".join(reversed(chars))


def workout_id(on: date) -> str:
    """Workout ids start with the workout date so a date range is one key-range query."""
    return f"{on:%Y%m%d}-{new_id()}"
