"""Writes of one process to one item take turns instead of cancelling each other.

While a DynamoDB transaction is in flight its items are taken: another transaction on one
of them is cancelled with `TransactionConflict`, a single-item write fails with
TransactionConflictException. Items shared by many writes (a busy conversation's
metadata, a counter) would make a process's own concurrent turns fail each
other, then exhaust their retries. `ItemQueue` has each write wait, in arrival order,
for this process's writes in flight on the same items; only writes of other processes
can still conflict, and the store's retries absorb those.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field

import anyio


@dataclass
class _Line:
    lock: anyio.Lock = field(default_factory=anyio.Lock)
    users: int = 0
    """Writes holding or waiting for the item (the line is dropped at 0)."""


class ItemQueue:
    """One line per item with writes in flight in this process."""

    def __init__(self) -> None:
        self._lines: dict[tuple[str, str], _Line] = {}

    @asynccontextmanager
    async def holding(self, keys: Iterable[tuple[str, str]]) -> AsyncIterator[None]:
        """Hold every item in `keys` ((pk, sk) pairs) for the block.

        Waits until this process's earlier writes to them are done; keys are taken in
        order, so two writes never wait for each other.
        """
        async with AsyncExitStack() as stack:
            for key in sorted(set(keys)):
                await stack.enter_async_context(self._one(key))
            yield

    @asynccontextmanager
    async def _one(self, key: tuple[str, str]) -> AsyncIterator[None]:
        line = self._lines.setdefault(key, _Line())
        line.users += 1
        try:
            async with line.lock:
                yield
        finally:
            line.users -= 1
            if not line.users:
                del self._lines[key]
