"""Turns on one conversation run one after another, in the order they arrived.

Concurrent turns on one conversation would each store their message before any reply,
so the history would no longer alternate (every model call would see the others'
unanswered messages), and all of them would write the conversation item at once. Here
a turn waits for the turn before it in this process, instead of failing. A message sent
again while its first attempt is queued or running skips the line: its claim settles
it (the stored result, or a prompt 409 with Retry-After).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import anyio


@dataclass
class _Line:
    lock: anyio.Lock = field(default_factory=anyio.Lock)
    keys: set[str] = field(default_factory=set)
    """client_message_ids of the turns queued or running."""
    users: int = 0


class TurnQueue:
    """One line per conversation with turns in this process."""

    def __init__(self) -> None:
        self._lines: dict[tuple[str, str], _Line] = {}

    @asynccontextmanager
    async def turn(
        self, user_id: str, conversation_id: str, client_message_id: str | None
    ) -> AsyncIterator[None]:
        """Hold the conversation for one turn, once the turns before it are done."""
        line = self._lines.setdefault((user_id, conversation_id), _Line())
        if client_message_id is not None and client_message_id in line.keys:
            yield  # a duplicate: the claim, not the line, decides what it gets
            return
        line.users += 1
        if client_message_id is not None:
            line.keys.add(client_message_id)
        try:
            async with line.lock:
                yield
        finally:
            line.users -= 1
            line.keys.discard(client_message_id or "")
            if not line.users:
                del self._lines[(user_id, conversation_id)]
