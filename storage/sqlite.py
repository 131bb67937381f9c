"""SQLite engine of the item layer: the single table's semantics in one `items` table.

Each item is kept whole as JSON beside the columns DynamoDB would index (GSI keys,
`entityType`, `ttl`). Every write runs in a `BEGIN IMMEDIATE` transaction, so
conditions are checked and applied atomically, across processes too (WAL mode).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, cast

from typing_extensions import override

from storage.calls import Transient
from storage.errors import StorageError, StorageUnavailable
from storage.files import private_dirs
from storage.items import (
    Absent,
    AllOf,
    AnyOf,
    Below,
    Check,
    Condition,
    ConditionFailed,
    Delete,
    Equals,
    Exists,
    Item,
    Key,
    Put,
    Query,
    QueryResult,
    Table,
    Update,
    VersionIs,
    Write,
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    pk TEXT NOT NULL,
    sk TEXT NOT NULL,
    item TEXT NOT NULL,
    entityType TEXT,
    gsi1pk TEXT,
    gsi1sk TEXT,
    gsi2pk TEXT,
    gsi2sk TEXT,
    ttl INTEGER,
    PRIMARY KEY (pk, sk)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS gsi1 ON items (gsi1pk, gsi1sk) WHERE gsi1pk IS NOT NULL;
CREATE INDEX IF NOT EXISTS gsi2 ON items (gsi2pk, gsi2sk) WHERE gsi2pk IS NOT NULL;
CREATE INDEX IF NOT EXISTS gsi3 ON items (entityType, pk);
CREATE INDEX IF NOT EXISTS expiry ON items (ttl) WHERE ttl IS NOT NULL;
"""

_INDEX_COLUMNS = {
    "GSI1": ("gsi1pk", "gsi1sk"),
    "GSI2": ("gsi2pk", "gsi2sk"),
    "GSI3": ("entityType", "pk"),
}
INDEXED = ("entityType", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk", "ttl")
"""Item attributes copied into columns, as DynamoDB copies them into its indexes."""

STORE = (
    f"INSERT OR REPLACE INTO items (pk, sk, item, {', '.join(INDEXED)}) "
    f"VALUES ({', '.join('?' * (3 + len(INDEXED)))})"
)


@contextmanager
def sqlite_errors() -> Iterator[None]:
    """Translate sqlite3 (and file system) exceptions into `storage.errors` errors."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise Transient(f"the local database is busy: {exc}") from exc
        raise StorageUnavailable(f"local database: {exc}; run `coach init`") from exc
    except sqlite3.Error as exc:
        raise StorageError(f"local database: {exc}") from exc
    except OSError as exc:  # creating the data directory
        raise StorageUnavailable(f"local database directory: {exc}") from exc


class SqliteTable(Table):
    """The single table in a SQLite file.

    Writes share one connection, used by one thread at a time. Reads use a connection
    per worker thread (in WAL mode a reader never waits for a writer). Reads run in
    worker threads like writes: inline on the event loop, a point read cost 15-20 us
    instead of 60-170 us, but a filtered list over 3,000 memories held the loop (and
    every `/healthz`) for its whole 20-37 ms; in a thread the loop's worst stall was
    2-6 ms (measured by `bench/bench_quota.py`).
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._readers = threading.local()

    @override
    def errors(self) -> AbstractContextManager[None]:
        return sqlite_errors()

    @override
    def create(self) -> None:
        private_dirs(self._path.parent)
        with self._lock:
            db = self._connect()
            db.executescript(SCHEMA)
            # DynamoDB deletes expired items in the background; here, at startup.
            db.execute("DELETE FROM items WHERE ttl < ?", (int(time.time()),))

    @override
    def get(self, key: Key) -> Item | None:
        return _load(self._reader(), key)

    @override
    def put(self, op: Put) -> None:
        self._write([op])

    @override
    def update(self, op: Update) -> Item:
        return cast(Item, self._write([op])[0])

    @override
    def delete(self, op: Delete) -> None:
        self._write([op])

    @override
    def transact(self, ops: Sequence[Write], token: str) -> None:
        # `token` dedupes retried requests on DynamoDB; a local write cannot half-succeed.
        self._write(ops)

    @override
    def query(self, query: Query) -> QueryResult:
        pk, sk = _INDEX_COLUMNS[query.index.name] if query.index else ("pk", "sk")
        clauses, params = [f"{pk} = ?"], [query.pk]
        if query.prefix is not None:
            clauses.append(f"{sk} >= ? AND {sk} < ?")
            params += [query.prefix, _prefix_end(query.prefix)]
        elif query.between is not None:
            clauses.append(f"{sk} BETWEEN ? AND ?")
            params += list(query.between)
        if query.start is not None:
            clauses.append(f"{sk} < ?" if query.descending else f"{sk} > ?")
            params.append(query.start)
        sql = (
            f"SELECT pk, sk, item FROM items WHERE {' AND '.join(clauses)} "
            f"ORDER BY {sk} {'DESC' if query.descending else 'ASC'} LIMIT ?"
        )
        rows = self._reader().execute(sql, [*params, query.limit + 1]).fetchall()
        more = len(rows) > query.limit
        rows = rows[: query.limit]
        items = [
            {"pk": pk, "sk": sk} if query.keys_only else json.loads(raw) for pk, sk, raw in rows
        ]
        return QueryResult(items=items, last=rows[-1][1] if more else None)

    @override
    def delete_batch(self, keys: Sequence[Key]) -> None:
        with self._lock, self._transaction() as db:
            db.executemany("DELETE FROM items WHERE pk = ? AND sk = ?", keys)

    @override
    def purge(self) -> None:
        """Copy the write-ahead log back and truncate it, so deleted rows leave no copy.

        Deleted rows are zeroed as they go (`secure_delete`), but the log still holds the
        pages as they were.
        """
        with self._lock:
            self._connect().execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @override
    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
            # Readers are let go, not closed: a worker thread may still be stepping one
            # (closing it from here crashed the process); each closes when released.
            self._readers = threading.local()

    def _reader(self) -> sqlite3.Connection:
        """This thread's read-only connection (WAL: sees every committed write)."""
        db: sqlite3.Connection | None = getattr(self._readers, "db", None)
        if db is None:
            db = sqlite3.connect(
                self._path, timeout=5.0, isolation_level=None, check_same_thread=False
            )
            db.execute("PRAGMA query_only=ON")
            self._readers.db = db
        return db

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            _create_private(self._path)
            # Autocommit mode: transactions are explicit (`_transaction`); timeout = busy wait.
            db = sqlite3.connect(
                self._path, timeout=5.0, isolation_level=None, check_same_thread=False
            )
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA secure_delete=ON")  # an erased athlete's data is overwritten
            self._db = db
        return self._db

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        db = self._connect()
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def _write(self, ops: Sequence[Write]) -> list[Item | None]:
        """Check every condition, then apply all writes or none."""
        with self._lock, self._transaction() as db:
            results: list[Item | None] = []
            failed: list[int] = []
            for index, op in enumerate(ops):
                current = _load(db, op.key)
                if op.when is not None and not _holds(op.when, current):
                    failed.append(index)
                elif not failed:
                    results.append(_apply(db, op, current))
            if failed:
                raise ConditionFailed(failed)
            return results


def _create_private(path: Path) -> None:
    """Create the database file 0600 if it is missing.

    SQLite gives its -wal and -shm files the database file's mode.
    """
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))


def _load(db: sqlite3.Connection, key: Key) -> Item | None:
    row = db.execute("SELECT item FROM items WHERE pk = ? AND sk = ?", key).fetchone()
    return None if row is None else cast(Item, json.loads(row[0]))


def _store(db: sqlite3.Connection, item: Item) -> None:
    raw = json.dumps(item, separators=(",", ":"), allow_nan=False)
    db.execute(STORE, (item["pk"], item["sk"], raw, *(item.get(name) for name in INDEXED)))


def _apply(db: sqlite3.Connection, op: Write, current: Item | None) -> Item | None:
    """Apply one write whose condition holds; an update returns the item it made."""
    match op:
        case Put():
            _store(db, op.item)
            return None
        case Update():
            item = _updated(current, op)
            _store(db, item)
            return item
        case Delete():
            db.execute("DELETE FROM items WHERE pk = ? AND sk = ?", op.key)
            return None
        case Check():
            return None


def _updated(current: Item | None, op: Update) -> Item:
    """The item after `op`, with DynamoDB's rules: parents of a path must exist."""
    item = current if current is not None else {"pk": op.key[0], "sk": op.key[1]}
    for path, value in op.set.items():
        parent, name = _parent(item, path)
        parent[name] = value
    for name, value in op.init.items():
        item.setdefault(name, value)
    for path, step in op.add.items():
        parent, name = _parent(item, path)
        parent[name] = parent.get(name, 0) + step
    for name in op.remove:
        item.pop(name, None)
    return item


def _parent(item: Item, path: str) -> tuple[dict[str, Any], str]:
    *parents, name = path.split(".")
    node = item
    for part in parents:
        child = node.get(part)
        if not isinstance(child, dict):
            raise StorageError(f"the document path {path!r} is invalid for this item")
        node = child
    return node, name


def _holds(when: Condition, item: Item | None) -> bool:
    match when:
        case Absent():
            return item is None
        case Exists():
            return item is not None
        case VersionIs(version=version):
            return item is not None and item.get("version") == version
        case Below(path=path, limit=limit):
            value = _lookup(item, path)
            return value is None or bool(value < limit)
        case Equals(path=path, value=expected):
            return item is not None and _lookup(item, path) == expected
        case AnyOf(conditions=conditions):
            return any(_holds(c, item) for c in conditions)
        case AllOf(conditions=conditions):
            return all(_holds(c, item) for c in conditions)


def _lookup(item: Item | None, path: str) -> Any:
    node: Any = item
    for part in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def _prefix_end(prefix: str) -> str:
    """The smallest string after every string that starts with `prefix`."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)
