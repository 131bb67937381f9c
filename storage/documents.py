"""The document layer: JSON documents at S3-layout keys (`athletes/{userId}/…`).

`Bucket` is the synchronous engine contract (`storage.s3.S3Bucket`,
`storage.files.FileBucket`); `Documents` adds key checks, JSON, threads, retries and
counting once for both.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, Protocol, cast, runtime_checkable

import anyio.to_thread

from storage.calls import Calls

KEY = re.compile(r"athletes/[^/\\\x00-\x1f]+(/[^/\\\x00-\x1f]+)+")
"""A relative key under `athletes/`: no empty, `.` or `..` segments (checked apart)."""
USER_PREFIX = re.compile(r"athletes/[^/\\\x00-\x1f]+/")
"""The prefix of one user's documents."""


Change = Callable[[bytes | None], bytes]
"""A document's new bytes from its current ones (None when it does not exist yet)."""


@runtime_checkable
class TailChange(Protocol):
    """A change to the end of a document only.

    An engine that can write in place need not read or rewrite the rest. Called, it gives
    the whole new document.
    """

    @property
    def window(self) -> int:
        """How many of the document's last bytes `edit_tail` needs to see."""
        ...

    def __call__(self, current: bytes | None) -> bytes:
        """The whole new document from the current one (None when it does not exist)."""
        ...

    def edit_tail(self, tail: bytes) -> tuple[int, bytes] | None:
        """Where in `tail` the new end starts, and the new end.

        The new end is no shorter than what it replaces; None when the document needs the
        whole rewrite.
        """
        ...


class Bucket(Protocol):
    """A synchronous document engine; `Documents` runs its methods in worker threads."""

    def errors(self) -> AbstractContextManager[None]:
        """Translate the engine's exceptions into `storage.errors` errors."""
        ...

    def create(self) -> None:
        """Create the bucket or directory if missing (idempotent)."""
        ...

    def ping(self) -> None:
        """Raise unless the engine answers."""
        ...

    def put(self, key: str, body: bytes) -> None:
        """Write a whole document, replacing any at `key`."""
        ...

    def get(self, key: str) -> bytes | None:
        """The document's bytes, or None if there is none."""
        ...

    def rewrite(self, key: str, change: Change) -> None:
        """Replace the document with `change(current)`, atomically against other writers."""
        ...

    def delete(self, key: str) -> None:
        """Delete one document; nothing happens if it does not exist."""
        ...

    def delete_under(self, prefix: str) -> None:
        """Delete every document whose key starts with `prefix`, every version of it."""
        ...

    def publish(self, key: str, body: bytes, content_type: str, expires_s: int) -> str | None:
        """Keep `body` as a download at `key` and return a time-limited URL for it.

        None where the engine serves no URLs: the caller then hands the bytes over itself.
        """

    def list(self, prefix: str) -> list[str]:
        """The keys under `prefix`, in no particular order."""
        ...

    def close(self) -> None:
        """Release the engine's connections."""
        ...


def check_key(key: str) -> str:
    """Refuse keys outside the layout, so the file backend cannot leave its directory."""
    parts = key.split("/")
    if not KEY.fullmatch(key) or "." in parts or ".." in parts:
        raise ValueError(f"{key!r} is not a document key like athletes/<user>/<path>.json")
    return key


class Documents:
    """Async JSON documents on a `Bucket`: in threads, retried and counted."""

    def __init__(self, bucket: Bucket, calls: Calls) -> None:
        self.bucket = bucket
        self.calls = calls

    async def create(self) -> None:
        """Create the bucket or directory if missing (idempotent)."""
        await self.calls.run("documents.create", self.bucket.create, self.bucket.errors)

    async def ping(self) -> None:
        """Raise unless the bucket or directory answers."""
        await self.calls.run("documents.ping", self.bucket.ping, self.bucket.errors)

    async def put(self, key: str, body: dict[str, Any]) -> None:
        """Write `body` as the JSON document at `key` (a key outside the layout is refused)."""
        data = dump_json(body)
        check_key(key)
        await self.calls.run(
            "documents.put", lambda: self.bucket.put(key, data), self.bucket.errors
        )

    async def get(self, key: str) -> dict[str, Any] | None:
        """The JSON document at `key`, or None if there is none."""
        check_key(key)
        data = await self.calls.run(
            "documents.get", lambda: self.bucket.get(key), self.bucket.errors
        )
        return None if data is None else cast(dict[str, Any], json.loads(data))

    async def rewrite(self, key: str, change: Change) -> None:
        """Read, change and write a document in one worker-thread call, safe against other writers.

        Other writers are other threads, processes or service instances.
        `change` gets the current bytes (None if missing) and must be idempotent: a
        retried rewrite runs it again on what the first attempt may have written.
        """
        check_key(key)
        await self.calls.run(
            "documents.rewrite", lambda: self.bucket.rewrite(key, change), self.bucket.errors
        )

    async def delete(self, key: str) -> None:
        """Delete one document (a key outside the layout is refused)."""
        check_key(key)
        await self.calls.run(
            "documents.delete", lambda: self.bucket.delete(key), self.bucket.errors
        )

    async def delete_under(self, prefix: str) -> None:
        """Delete one user's documents (`prefix` is `athletes/{userId}/`), all versions."""
        if not USER_PREFIX.fullmatch(prefix) or prefix.split("/")[1] in (".", ".."):
            raise ValueError(f"{prefix!r} is not one user's prefix like athletes/<user>/")
        await self.calls.run(
            "documents.delete_under", lambda: self.bucket.delete_under(prefix), self.bucket.errors
        )

    async def publish(self, key: str, body: bytes, content_type: str, expires_s: int) -> str | None:
        """Keep a download and return its URL (None: the caller streams `body`)."""
        check_key(key)
        return await self.calls.run(
            "documents.publish",
            lambda: self.bucket.publish(key, body, content_type, expires_s),
            self.bucket.errors,
        )

    async def list(self, prefix: str) -> list[str]:
        """Every key under `prefix` (a folder of one user's documents)."""
        check_key(prefix.rstrip("/"))
        return await self.calls.run(
            "documents.list", lambda: self.bucket.list(prefix), self.bucket.errors
        )

    async def close(self) -> None:
        """Release the bucket's connections, off the event loop."""
        await anyio.to_thread.run_sync(self.bucket.close)


def dump_json(value: Any) -> bytes:
    """The one JSON encoding of documents: UTF-8 as is, no NaN or Infinity."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False).encode()
