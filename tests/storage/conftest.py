"""Fixtures of the storage contract suite: every store test runs on `local` and on `aws`.

`aws` is DynamoDB + S3 on in-process moto; no network, no credentials.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from moto import mock_aws
from moto.core.botocore_stubber import BotocoreStubber

from storage.factory import open_store
from storage.repository import Repository

TABLE = "coach-test"
BUCKET = "coach-test-athletes"
SECRET = b"storage-tests-page-secret"


@contextmanager
def serial_mock_aws() -> Iterator[None]:
    """In-process moto, one request at a time.

    moto's DynamoDB backend has no lock (a transaction deep-copies the table and
    restores it on failure), while DynamoDB applies each request atomically; serialising
    requests models the service, so concurrency tests test our conditions, not moto.
    Every in-process moto in the tests goes through here (background drains and
    summaries run beside the next request).
    """
    lock = threading.Lock()
    process = BotocoreStubber.process_request

    def serialised(self: BotocoreStubber, request: Any) -> Any:
        with lock:
            return process(self, request)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(BotocoreStubber, "process_request", serialised)
        with mock_aws():
            yield


@pytest.fixture
def moto() -> Iterator[None]:
    """In-process moto for one test (see `serial_mock_aws`)."""
    with serial_mock_aws():
        yield


@pytest.fixture(params=["local", "aws"])
def kind(request: pytest.FixtureRequest) -> str:
    """The backend under test; `aws` brings moto up for the test's duration."""
    if request.param == "aws":
        request.getfixturevalue("moto")
    return str(request.param)


def make_store(kind: str, data_dir: Path) -> Repository:
    """A store of `kind` (not yet initialised) with the suite's names and secret."""
    return open_store(
        kind,  # type: ignore[arg-type]
        data_dir=data_dir,
        table=TABLE,
        bucket=BUCKET,
        page_secret=SECRET,
        region="us-east-1",
    )


@pytest.fixture
async def store(kind: str, tmp_path: Path) -> AsyncIterator[Repository]:
    """An initialised, empty store of each kind."""
    opened = make_store(kind, tmp_path)
    await opened.init()
    yield opened
    await opened.close()
