"""Counters a chat turn moves, taken outside its transaction and given back if it fails.

While a DynamoDB transaction is in flight it holds its items. A counter in every turn's
transaction (the user's rate counters, the workouts-per-date and memory quotas) is held
back to back by each server instance's turns, so the same user's turns on another
instance keep running into it and exhaust their retries. A single-item write holds
nothing: each counter is moved by its own conditional update before the transaction, and
moved back if the transaction writes nothing.

The price: a process that dies between the two leaves a counter off by its turn's share,
almost always high (a rate counter until its minute or day is over).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

import anyio

from storage.errors import StorageError
from storage.items import ConditionFailed, Exists, Items, Update

log = logging.getLogger(__name__)


class Refused(Exception):
    """A counter was full: nothing stays taken. `names` are the counters that refused."""

    def __init__(self, names: set[str]) -> None:
        self.names = names
        super().__init__(f"counters full: {sorted(names)}")


class Reservation:
    """Named counter moves taken together, and given back together."""

    def __init__(self, items: Items) -> None:
        self._items = items
        self._taken: list[Update] = []

    async def take(self, moves: Sequence[tuple[str, Update]]) -> None:
        """Apply each conditional `add` at once; if any is refused, none stays.

        Raises:
            Refused: the names of the moves whose condition failed.
        """
        results = await asyncio.gather(
            *(self._items.update(move) for _, move in moves), return_exceptions=True
        )
        refused: set[str] = set()
        errors: list[BaseException] = []
        for (name, move), result in zip(moves, results, strict=True):
            if not isinstance(result, BaseException):
                self._taken.append(_reverse(move))
            elif isinstance(result, ConditionFailed):
                refused.add(name)
            else:
                errors.append(result)
        if refused or errors:
            await self.release()
            if errors:
                raise errors[0]
            raise Refused(refused)

    async def release(self) -> None:
        """Give back what is taken (`apply_all`)."""
        taken, self._taken = self._taken, []
        await apply_all(self._items, taken)

    @asynccontextmanager
    async def held(self) -> AsyncIterator[Reservation]:
        """The block's write keeps what is taken; if it raises, everything goes back."""
        try:
            yield self
        except BaseException:
            await self.release()
            raise


def _reverse(move: Update) -> Update:
    """The unconditional move that undoes `move`'s additions (if the counter still exists)."""
    back = {name: -amount for name, amount in move.add.items() if name != "version"}
    return Update(move.key, add=back, when=Exists())


async def apply_all(items: Items, moves: list[Update]) -> None:
    """Apply counter moves that follow a write already done, even from a cancelled task.

    Best effort: a move that fails leaves its counter high, and is logged.
    """
    with anyio.CancelScope(shield=True):
        for move in moves:
            try:
                await items.update(move)
            except StorageError:
                log.warning("a counter could not be moved: %s", move.key, exc_info=True)
