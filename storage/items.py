"""The item layer: DynamoDB's single-table semantics, spoken by both backends.

`Table` is the synchronous engine contract (`storage.dynamo.DynamoTable`,
`storage.sqlite.SqliteTable`); `Items` wraps one engine with the checks, threads,
retries and counting they share, so the two engines contain only what differs.
Paths in `Update` are dotted (`attributes.metadata.usageCount`).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Literal, Protocol

import anyio.to_thread

from storage.calls import Calls, concurrently
from storage.errors import Conflict, PayloadTooLarge, StorageError
from storage.item_queue import ItemQueue

Item = dict[str, Any]
Key = tuple[str, str]
"""(pk, sk)."""

MAX_ITEM_BYTES = 350_000
"""Below DynamoDB's 400 KB item limit, leaving room for keys and attribute names."""
MAX_TRANSACTION = 100
"""TransactWriteItems' limit on writes per transaction."""
BATCH = 25
"""BatchWriteItem's limit on deletes per request."""


@dataclass(frozen=True)
class Absent:
    """The item must not exist (conditional create)."""


@dataclass(frozen=True)
class Exists:
    """The item must exist (update or delete of a known id)."""


@dataclass(frozen=True)
class VersionIs:
    """The item must exist with this `version` (optimistic concurrency)."""

    version: int


@dataclass(frozen=True)
class Below:
    """The number at `path` must be missing or under `limit` (bounded counters)."""

    path: str
    limit: int


@dataclass(frozen=True)
class Equals:
    """The item must exist with `value` at `path` (e.g. the owner of a turn's lease)."""

    path: str
    value: str | int


@dataclass(frozen=True)
class AnyOf:
    """At least one of the conditions holds."""

    conditions: tuple[Condition, ...]


@dataclass(frozen=True)
class AllOf:
    """Every one of the conditions holds."""

    conditions: tuple[Condition, ...]


Condition = Absent | Exists | VersionIs | Below | Equals | AnyOf | AllOf


@dataclass(frozen=True)
class Put:
    """Write a whole item."""

    item: Item
    when: Condition | None = None

    @property
    def key(self) -> Key:
        """The (pk, sk) the item is written under, read from the item itself."""
        return (self.item["pk"], self.item["sk"])


@dataclass(frozen=True)
class Update:
    """Change attributes in place without reading them first.

    `add` increments numbers (a missing number counts as 0), `init` sets top-level
    attributes only where missing, `remove` deletes top-level attributes.
    """

    key: Key
    set: Mapping[str, Any] = field(default_factory=dict)
    add: Mapping[str, int | float] = field(default_factory=dict)
    init: Mapping[str, Any] = field(default_factory=dict)
    remove: tuple[str, ...] = ()
    when: Condition | None = None


@dataclass(frozen=True)
class Delete:
    """Remove an item."""

    key: Key
    when: Condition | None = None


@dataclass(frozen=True)
class Check:
    """Make a transaction depend on another item without writing it."""

    key: Key
    when: Condition


Write = Put | Update | Delete | Check


@dataclass(frozen=True)
class Query:
    """Items of one partition, by sort-key prefix or inclusive range, in sort-key order."""

    pk: str
    prefix: str | None = None
    between: tuple[str, str] | None = None
    descending: bool = False
    limit: int = 100
    start: str | None = None
    """Exclusive start sort key (the last one of the previous page)."""
    keys_only: bool = False
    index: IndexQuery | None = None
    """Query a secondary index instead of the table: `pk` and `prefix` then match the
    index's partition and sort keys."""


@dataclass(frozen=True)
class IndexQuery:
    """Which index to read, and the table partition its items live in.

    An index sort key is the table sort key in this layout, so a page continues from both.
    """

    name: Literal["GSI1", "GSI2", "GSI3"]
    owner: str | None = None
    """GSI1/GSI2 only. GSI3's sort key is the table's `pk`: it lists the partitions that
    hold items of one `entityType`, read by key range, never continued with `start`."""


@dataclass(frozen=True)
class QueryResult:
    """Matching items and, if there may be more, the sort key to continue after."""

    items: list[Item]
    last: str | None


class ConditionFailed(Conflict):
    """A write's condition did not hold; `failed` holds the indexes of the failing writes."""

    def __init__(self, failed: Iterable[int]) -> None:
        self.failed = frozenset(failed)
        super().__init__(f"condition failed on write(s) {sorted(self.failed)}")


@dataclass
class Transaction:
    """Writes that stand or fall together, each under a slot name.

    A failed condition is read by what it guarded ("conversation", "claim") instead of by
    position.
    """

    slots: list[tuple[str, Write]] = field(default_factory=list)

    def add(self, name: str, write: Write) -> None:
        """Add one write under `name` (names need not be unique: "touch:…" per memory)."""
        self.slots.append((name, write))

    @property
    def writes(self) -> list[Write]:
        """The writes, in order, for `Items.transact`."""
        return [write for _, write in self.slots]

    def failed(self, exc: ConditionFailed) -> set[str]:
        """The slot names whose condition failed."""
        return {self.slots[index][0] for index in exc.failed}

    def spill(self, name: str, room: int) -> list[Write]:
        """Keep every other slot and as many `name` slots as fit in `room` writes.

        Returns the `name` writes that do not fit: writes that need no condition and may
        follow the transaction, such as derived items like a workout's index.
        """
        spare = room - sum(1 for n, _ in self.slots if n != name)
        kept: list[tuple[str, Write]] = []
        spilled: list[Write] = []
        for n, write in self.slots:
            if n == name and spare <= 0:
                spilled.append(write)
                continue
            spare -= n == name
            kept.append((n, write))
        self.slots = kept
        return spilled

    def without(self, names: set[str]) -> Transaction:
        """The same transaction minus the slots named."""
        return Transaction([(n, w) for n, w in self.slots if n not in names])


class Table(Protocol):
    """A synchronous single-table engine; `Items` runs its methods in worker threads."""

    def errors(self) -> AbstractContextManager[None]:
        """Translate the engine's exceptions into `storage.errors` errors."""
        ...

    def create(self) -> None:
        """Create the table and its indexes if missing (idempotent)."""
        ...

    def get(self, key: Key) -> Item | None:
        """The item at `key`, strongly consistent, or None."""
        ...

    def put(self, op: Put) -> None:
        """Write a whole item if `op.when` holds (ConditionFailed otherwise)."""
        ...

    def update(self, op: Update) -> Item:
        """Apply `op` and return the item as it is afterwards."""
        ...

    def delete(self, op: Delete) -> None:
        """Delete an item if `op.when` holds (ConditionFailed otherwise)."""
        ...

    def transact(self, ops: Sequence[Write], token: str) -> None:
        """All writes or none; `token` makes a retried transaction idempotent."""
        ...

    def query(self, query: Query) -> QueryResult:
        """One page of a partition's (or an index's) items in sort-key order, or reversed."""
        ...

    def delete_batch(self, keys: Sequence[Key]) -> None:
        """Delete up to `BATCH` items, unconditionally."""
        ...

    def purge(self) -> None:
        """Leave no copy of deleted items in the engine's own files (an erase)."""
        ...

    def close(self) -> None:
        """Release the engine's connections."""
        ...


def check_writes(ops: Sequence[Write]) -> None:
    """Refuse what a DynamoDB transaction would refuse, before anything is written.

    Both engines enforce the same limits so `local` cannot accept what `aws` rejects.
    """
    if not ops or len(ops) > MAX_TRANSACTION:
        raise StorageError(f"a write takes 1 to {MAX_TRANSACTION} operations, not {len(ops)}")
    keys = [op.key for op in ops]
    if len(set(keys)) != len(keys):
        raise StorageError("a transaction cannot write one item twice")
    for op in ops:
        if isinstance(op, Put):
            check_size(op.item)
        elif isinstance(op, Update):
            check_size({**op.set, **op.init})


def check_size(value: Any) -> None:
    """PayloadTooLarge if the JSON form of `value` is over `MAX_ITEM_BYTES`."""
    size = len(json.dumps(value, allow_nan=False, separators=(",", ":")).encode())
    if size > MAX_ITEM_BYTES:
        raise PayloadTooLarge(f"the item would be {size} bytes, over {MAX_ITEM_BYTES}: shorten it")


class Items:
    """Async access to a `Table`: validated, in threads, retried and counted."""

    def __init__(self, table: Table, calls: Calls) -> None:
        self.table = table
        self.calls = calls
        self._queue = ItemQueue()

    async def create(self) -> None:
        """Create the table and its indexes if missing (idempotent)."""
        await self.calls.run("items.create", self.table.create, self.table.errors)

    async def get(self, key: Key) -> Item | None:
        """The item at `key`, or None."""
        return await self.calls.run(
            "items.get",
            lambda: self.table.get(key),
            self.table.errors,
        )

    async def put(self, op: Put) -> None:
        """Write a whole item, checked against DynamoDB's limits first."""
        check_writes([op])
        async with self._queue.holding([op.key]):
            await self.calls.run("items.put", lambda: self.table.put(op), self.table.errors)

    async def update(self, op: Update) -> Item:
        """Apply an update, checked against DynamoDB's limits first; the item as it is after."""
        check_writes([op])
        async with self._queue.holding([op.key]):
            return await self.calls.run(
                "items.update", lambda: self.table.update(op), self.table.errors
            )

    async def delete(self, op: Delete) -> None:
        """Delete one item (under `op.when`, if any)."""
        async with self._queue.holding([op.key]):
            await self.calls.run("items.delete", lambda: self.table.delete(op), self.table.errors)

    async def transact(self, ops: Sequence[Write]) -> None:
        """All or nothing; ConditionFailed names the writes whose condition failed.

        Waits for this process's writes in flight on the same items (`ItemQueue`), so
        concurrent turns of one process never cancel each other's transactions.
        """
        check_writes(ops)
        token = uuid.uuid4().hex  # one per logical transaction, reused by retries
        async with self._queue.holding(op.key for op in ops):
            await self.calls.run(
                "items.transact", lambda: self.table.transact(ops, token), self.table.errors
            )

    async def query(self, query: Query) -> QueryResult:
        """One page of a query; `QueryResult.last` continues it."""
        return await self.calls.run(
            "items.query",
            lambda: self.table.query(query),
            self.table.errors,
        )

    async def delete_many(self, keys: Sequence[Key]) -> None:
        """Delete any number of items in concurrent batches (not atomic)."""
        await concurrently(
            *(partial(self._delete_batch, keys[i : i + BATCH]) for i in range(0, len(keys), BATCH))
        )

    async def _delete_batch(self, keys: Sequence[Key]) -> None:
        await self.calls.run(
            "items.delete_batch", lambda: self.table.delete_batch(keys), self.table.errors
        )

    async def purge(self) -> None:
        """Leave no copy of deleted items in the engine's files (after an erase)."""
        await self.calls.run("items.purge", self.table.purge, self.table.errors)

    async def close(self) -> None:
        """Release the table's connections, off the event loop."""
        await anyio.to_thread.run_sync(self.table.close)
