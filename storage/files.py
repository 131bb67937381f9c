"""File engine of the document layer: the S3 layout mirrored under a directory.

Writes go to a temporary file in the target directory, then `os.replace`d over the
target, so a reader or a crashed process never sees half a document. There is no fsync:
the durability matches the SQLite table beside it (WAL, synchronous=NORMAL): a power
cut may lose the latest writes of either.

`rewrite` holds an exclusive `flock` for its key (one of `LOCK_STRIPES` lock files
under `.locks/`, outside the mirrored keys), so server processes sharing the directory
never lose an append. A `TailChange` (a transcript's turn) is written in place over the
document's end instead: a few KB rather than the whole, ever longer file. That one
write is not atomic for a reader that does not take the lock, or against a kill or
power cut in its middle; a torn transcript is then written again from the table.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from typing_extensions import override

from storage.documents import Bucket, Change, TailChange
from storage.errors import StorageUnavailable


@contextmanager
def file_errors() -> Iterator[None]:
    """Translate OS errors into `storage.errors` errors, chained with `from`."""
    try:
        yield
    except OSError as exc:
        raise StorageUnavailable(f"document files: {exc}; run `coach init`") from exc


LOCK_STRIPES = 64


def private_dirs(path: Path) -> None:
    """Run `mkdir -p path`, each directory it creates 0700: the local store holds personal data.

    `Path.mkdir(parents=True)` gives the parents it creates the umask's mode.
    """
    missing: list[Path] = []
    while not path.exists():
        missing.append(path)
        path = path.parent
    for directory in reversed(missing):
        directory.mkdir(mode=0o700, exist_ok=True)


class FileBucket(Bucket):
    """JSON documents as files at `root/<key>`."""

    def __init__(self, root: Path) -> None:
        self._root = root.resolve()

    @override
    def errors(self) -> AbstractContextManager[None]:
        return file_errors()

    @override
    def create(self) -> None:
        private_dirs(self._root / ".locks")

    @override
    def ping(self) -> None:
        if not self._root.is_dir():
            raise StorageUnavailable(f"{self._root} is missing; run `coach init`")

    @override
    def put(self, key: str, body: bytes) -> None:
        path = self._path(key)
        private_dirs(path.parent)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(body)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    @override
    def get(self, key: str) -> bytes | None:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            return None

    @override
    def rewrite(self, key: str, change: Change) -> None:
        """Read, change and write `key` under the key's lock.

        The lock holds for threads and processes alike: a `flock` belongs to the open file.
        """
        stripe = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=2).digest())
        lock = self._root / ".locks" / f"{stripe % LOCK_STRIPES:02d}"
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            if not (isinstance(change, TailChange) and _edit_tail(self._path(key), change)):
                self.put(key, change(self.get(key)))
        finally:
            os.close(fd)  # closing releases the lock

    @override
    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    @override
    def delete_under(self, prefix: str) -> None:
        path = self._path(prefix)
        if path.exists():
            shutil.rmtree(path)

    @override
    def publish(self, key: str, body: bytes, content_type: str, expires_s: int) -> str | None:
        """No URLs here: the API streams the body, and nothing is kept."""
        return None

    @override
    def list(self, prefix: str) -> list[str]:
        """Document keys under `prefix`; temporary files (dot names) are not documents."""
        folder = self._path(prefix)
        return [
            path.relative_to(self._root).as_posix()
            for path in folder.rglob("*")
            if path.is_file() and not path.name.startswith(".")
        ]

    @override
    def close(self) -> None:
        """Nothing to release: files are opened per call."""

    def _path(self, key: str) -> Path:
        # `Documents` has checked the key; this is the last line before the disk. A string
        # check, not `resolve()`: realpath costs a syscall per path segment, on every call,
        # and nothing here creates symlinks under the root.
        path = os.path.normpath(os.path.join(self._root, key))
        if os.path.commonpath([self._root, path]) != str(self._root):
            raise ValueError(f"{key!r} leaves the document directory")
        return Path(path)


def _edit_tail(path: Path, change: TailChange) -> bool:
    """Apply `change` to the end of the file in place.

    False when the file is missing or its end is not what `change` expects.
    """
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        size = os.fstat(fd).st_size
        start = max(0, size - change.window)
        edit = change.edit_tail(os.pread(fd, size - start, start))
        if edit is None:
            return False
        at, data = edit
        view, offset = memoryview(data), start + at
        while view:
            written = os.pwrite(fd, view, offset)
            view, offset = view[written:], offset + written
        return True
    finally:
        os.close(fd)
