"""DynamoDB's transaction conflicts, modelled on real boto3 clients (moto or DynamoDB Local).

Neither emulator ever answers `TransactionConflict`: each applies a transaction at once.
DynamoDB runs a transaction in two phases, and while one is in flight its items are
taken. As the developer guide ("Transaction conflict handling") lists it:

- a TransactWriteItems with an item that is part of another ongoing TransactWriteItems is
  cancelled: TransactionCanceledException, `TransactionConflict` as the reason of that
  item and "None" for the others;
- a PutItem, UpdateItem or DeleteItem of an item in an ongoing TransactWriteItems fails
  with TransactionConflictException.

Single-item writes are applied atomically where the item lives and hold nothing, so two
of them never conflict. `ConflictWindow` is a `dynamodb_faults.Hook`: a transaction is in
flight, and holds its items, from the moment it is received until it has been answered,
at least `window_s`; requests that touch a held item meanwhile are answered as above and
never applied. In-process moto applies one request at a time, so under load a
transaction's flight also includes its wait for moto: harsher than the service, never
milder.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.hooks import HierarchicalEmitter

from tests.faults.dynamodb_faults import (
    CONFLICT_MESSAGE,
    ITEM_CONFLICT,
    answer,
    cancellation,
    operation_of,
    request_body,
)

TRANSACTION = "TransactWriteItems"
SINGLE_WRITES = frozenset({"PutItem", "UpdateItem", "DeleteItem"})

ItemKey = tuple[str, str, str]
"""(table, pk, sk)."""


def item_keys(operation: str, body: dict[str, Any]) -> list[ItemKey]:
    """The items a write touches, in the order of the request's actions."""
    if operation == TRANSACTION:
        actions = [next(iter(action.values())) for action in body["TransactItems"]]
    else:
        actions = [body]
    return [_item_key(action) for action in actions]


def _item_key(action: dict[str, Any]) -> ItemKey:
    key = action.get("Key") or action["Item"]
    return (action["TableName"], key["pk"]["S"], key["sk"]["S"])


@dataclass
class ConflictWindow:
    """Items of transactions in flight, and the requests that ran into them.

    `window_s` is how long a transaction holds its items before it is applied: DynamoDB
    transactions take a few milliseconds more than a single write (a prepare round then a
    commit round), 5 ms by default.
    """

    window_s: float = 0.005
    active: bool = True
    seen: Counter[str] = field(default_factory=Counter)
    """Writes that reached the window, by operation."""
    conflicts: Counter[str] = field(default_factory=Counter)
    """Writes refused because a transaction in flight held one of their items."""

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._held: set[ItemKey] = set()
        self._mine = threading.local()
        """The items of the transaction this thread has in flight."""
        self._random = random.Random(8)

    def attach(self, events: HierarchicalEmitter) -> None:
        """First in line for every request; a transaction lets its items go once it has
        been answered (botocore sends and answers a request in the thread that called)."""
        events.register_first("before-send.dynamodb", self.receive)
        events.register("after-call.dynamodb", self.release)
        events.register("after-call-error.dynamodb", self.release)

    def receive(self, request: AWSPreparedRequest, **_: Any) -> AWSResponse | None:
        """Refuse a write that touches a held item; else a transaction takes its items,
        waits out the window, and goes on to be applied."""
        self._mine.keys = []
        operation = operation_of(request)
        if not self.active or (operation != TRANSACTION and operation not in SINGLE_WRITES):
            return None
        keys = item_keys(operation, request_body(request))
        with self._lock:
            self.seen[operation] += 1
            taken = [key in self._held for key in keys]
            if any(taken):
                self.conflicts[operation] += 1
                return answer(request, 400, self._refusal(operation, taken), self._random)
            if operation == TRANSACTION:
                self._held.update(keys)
                self._mine.keys = keys
        if operation == TRANSACTION:
            time.sleep(self.window_s)
        return None

    def release(self, **_: Any) -> None:
        """The items of this thread's transaction, answered, are free again."""
        keys: list[ItemKey] = getattr(self._mine, "keys", [])
        if keys:
            with self._lock:
                self._held.difference_update(keys)
            self._mine.keys = []

    def total(self) -> int:
        return sum(self.conflicts.values())

    @staticmethod
    def _refusal(operation: str, taken: list[bool]) -> dict[str, Any]:
        if operation != TRANSACTION:
            return ITEM_CONFLICT
        return cancellation(
            [
                {"Code": "TransactionConflict", "Message": CONFLICT_MESSAGE}
                if held
                else {"Code": "None"}
                for held in taken
            ]
        )
