"""Fixtures of the storage contract suite: every store test runs on `local`, on `aws` and
on `dynamodb-local`.

`aws` is DynamoDB + S3 on in-process moto; `dynamodb-local` is the table on DynamoDB Local
(Amazon's emulator, closer to the service) with the bucket on in-process moto (which lets
requests to other hosts through). No network, no credentials.
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

from storage.aws import Endpoints
from storage.factory import open_store
from storage.quotas import StoredLimits
from storage.repository import Repository
from tests.dynamodb_local import fresh_table_name

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


def _kind(request: pytest.FixtureRequest) -> str:
    if request.param != "local":
        request.getfixturevalue("moto")  # S3 (and for `aws` DynamoDB too) on moto
    return str(request.param)


@pytest.fixture(params=["local", "aws"])
def kind(request: pytest.FixtureRequest) -> str:
    """The backend under test; `aws` brings moto up for the test."""
    return _kind(request)


@pytest.fixture(params=["local", "aws", "dynamodb-local"])
def contract_kind(request: pytest.FixtureRequest) -> str:
    """The contract suite's backends: also `dynamodb-local` (DynamoDB Local, S3 on moto)."""
    return _kind(request)


def make_store(
    kind: str, data_dir: Path, dynamodb: str | None = None, limits: StoredLimits | None = None
) -> Repository:
    """A store of `kind` (not yet initialised) with the suite's names and secret; with a
    `dynamodb` endpoint (DynamoDB Local), an `aws` store on a table of its own there."""
    return open_store(
        kind,  # type: ignore[arg-type]
        data_dir=data_dir,
        table=TABLE if dynamodb is None else fresh_table_name(),
        bucket=BUCKET,
        page_secret=SECRET,
        endpoints=Endpoints(dynamodb=dynamodb),
        region="us-east-1",
        limits=limits,
    )


def open_kind(
    kind: str, data_dir: Path, request: pytest.FixtureRequest, limits: StoredLimits | None = None
) -> Repository:
    """`make_store` for a `kind` fixture's value: `dynamodb-local` is `aws` on DynamoDB Local."""
    if kind == "dynamodb-local":
        return make_store("aws", data_dir, request.getfixturevalue("dynamodb_local"), limits)
    return make_store(kind, data_dir, limits=limits)


@pytest.fixture
async def store(
    contract_kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[Repository]:
    """An initialised, empty store of each kind (a table of its own on DynamoDB Local)."""
    opened = open_kind(contract_kind, tmp_path, request)
    await opened.init()
    yield opened
    await opened.close()
