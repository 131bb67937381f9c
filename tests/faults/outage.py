"""Document-store faults for the fault tests: S3 (or the document directory) refusing
connections, or answering slowly, on both engines.

Each patches the engine's lowest hook, so every document call goes through the fault:
the S3 client's request (a refused connection is what botocore raises when S3 is
unreachable) or the file engine's path lookup (an OSError, as from a missing mount).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from botocore.exceptions import EndpointConnectionError

from storage.files import FileBucket
from storage.repository import Repository
from storage.s3 import S3Bucket


def _hook(store: Repository) -> tuple[object, str]:
    bucket = store.documents.bucket
    if isinstance(bucket, S3Bucket):
        return bucket._client, "_make_api_call"
    assert isinstance(bucket, FileBucket)
    return bucket, "_path"


@contextmanager
def _fault(store: Repository, before: Callable[[], None]) -> Iterator[None]:
    target, name = _hook(store)
    real = getattr(target, name)

    def faulty(*args: Any, **kwargs: Any) -> Any:
        before()
        return real(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(target, name, faulty)
        yield


@contextmanager
def documents_refused(store: Repository) -> Iterator[None]:
    """Every document call fails as if S3 refused the connection."""
    s3 = isinstance(store.documents.bucket, S3Bucket)

    def refuse() -> None:
        if s3:
            raise EndpointConnectionError(endpoint_url="https://s3.us-east-1.amazonaws.com")
        raise ConnectionRefusedError("the document store refuses connections")

    with _fault(store, refuse):
        yield


@contextmanager
def documents_slow(store: Repository, seconds: float) -> Iterator[threading.Event]:
    """Every document call first sleeps `seconds`, until the event yielded is set."""
    over = threading.Event()

    def wait() -> None:
        over.wait(seconds)

    with _fault(store, wait):
        yield over
