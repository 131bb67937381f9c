"""Time-sortable ids (ULID layout: 48-bit ms timestamp + 80 random bits, Crockford base32)."""

from __future__ import annotations

import random
import threading
import time
from datetime import date

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
_RANDOM_BITS = 80
_lock = threading.Lock()
_last = 0


def new_id() -> str:
    """A 26-char id that sorts by creation time, so newest-first is a reverse key order.

    Monotonic within the process, as ULID specifies: an id made in the same millisecond
    as the previous one (a reply and the next message, say) sorts after it instead of
    by chance.
    """
    global _last
    ms = time.time_ns() // 1_000_000
    # Ids need uniqueness, not secrecy (every lookup is inside the caller's partition), and
    # an os.urandom syscall per id was measurable on the chat hot path.
    value = (ms << _RANDOM_BITS) | random.getrandbits(_RANDOM_BITS)
    with _lock:
        value = max(value, _last + 1)
        _last = value
    chars = []
    for _ in range(26):
        value, digit = divmod(value, 32)
        chars.append(_ALPHABET[digit])
    return "".join(reversed(chars))


def reply_id(message_id: str) -> str:
    """The id of the reply to `message_id`: right after it in id order, before any later id.

    A reply then sits under its own message in the table and the transcript however late
    it lands (a retried turn, or another server process answering the next message
    first), so a stored conversation always alternates user/assistant.
    """
    return f"{message_id}-r"


def workout_id(on: date) -> str:
    """Workout ids start with the workout date so a date range is one key-range query."""
    return f"{on:%Y%m%d}-{new_id()}"
