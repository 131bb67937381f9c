"""Issue 13, failure 9: one `AWS_ENDPOINT_URL` sent the store's S3 calls to DynamoDB Local,
which answered 500, and after five retries the user read "AWS is busy (500)".

The store now takes each client's endpoint as botocore does, the per-service variable
before the general one, with the `COACH_` variables before the `AWS_` ones; and an S3
call answered by a DynamoDB server fails at once, naming the variable to set.
Here DynamoDB Local holds the tables and moto's server the buckets, so where each
resource landed shows where each client's calls went.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from botocore.exceptions import ClientError

from api.runtime import open_configured_store
from api.settings import Settings
from storage.errors import StorageUnavailable
from storage.repository import Repository
from tests.dynamodb_local import fresh_table_name
from tests.moto_server import moto_server as running_moto

SECRET = "endpoint-tests-secret-0123456789abcdef"
TABLES, BUCKETS = "dynamodb-local", "moto"


@pytest.fixture(scope="module")
def moto_server() -> Iterator[str]:
    """moto's server on a free loopback port, for S3."""
    with running_moto() as endpoint:
        yield endpoint


def _settings(tmp_path: Path, table: str) -> Settings:
    return Settings(storage="aws", table=table, bucket=table, jwt_secret=SECRET, data_dir=tmp_path)


def _tables(endpoint: str) -> list[str]:
    client = boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1")
    return list(client.list_tables()["TableNames"])


def _has_bucket(endpoint: str, bucket: str) -> bool:
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    try:
        client.head_bucket(Bucket=bucket)
    except ClientError:
        return False
    return True


@pytest.mark.parametrize(
    "environment",
    [
        pytest.param(
            {"AWS_ENDPOINT_URL": TABLES, "AWS_ENDPOINT_URL_S3": BUCKETS},
            id="AWS_ENDPOINT_URL_S3 before AWS_ENDPOINT_URL",
        ),
        pytest.param(
            {"AWS_ENDPOINT_URL": BUCKETS, "AWS_ENDPOINT_URL_DYNAMODB": TABLES},
            id="AWS_ENDPOINT_URL_DYNAMODB before AWS_ENDPOINT_URL",
        ),
        pytest.param(
            {"AWS_ENDPOINT_URL_DYNAMODB": TABLES, "AWS_ENDPOINT_URL_S3": BUCKETS},
            id="per-service only",
        ),
        pytest.param(
            {
                "COACH_AWS_ENDPOINT_URL": TABLES,
                "COACH_AWS_ENDPOINT_URL_S3": BUCKETS,
                "AWS_ENDPOINT_URL_S3": TABLES,
            },
            id="COACH_AWS_ENDPOINT_URL_S3 before COACH_AWS_ENDPOINT_URL and AWS_",
        ),
        pytest.param(
            {
                "COACH_AWS_ENDPOINT_URL_DYNAMODB": TABLES,
                "AWS_ENDPOINT_URL": BUCKETS,
                "AWS_ENDPOINT_URL_DYNAMODB": BUCKETS,
            },
            id="COACH_AWS_ENDPOINT_URL_DYNAMODB before AWS_",
        ),
    ],
)
async def test_each_client_goes_to_its_own_endpoint(
    environment: dict[str, str],
    dynamodb_local: str,
    moto_server: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    endpoints = {TABLES: dynamodb_local, BUCKETS: moto_server}
    for name, target in environment.items():
        monkeypatch.setenv(name, endpoints[target])
    table = fresh_table_name()
    store = open_configured_store(_settings(tmp_path, table))
    try:
        await store.init()  # what `coach init` does
        await store.ping()
    finally:
        await store.close()
    assert table in _tables(dynamodb_local) and table not in _tables(moto_server)
    assert _has_bucket(moto_server, table)


async def test_s3_sent_to_dynamodb_local_fails_at_once_naming_the_variable(
    dynamodb_local: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL", dynamodb_local)
    store = open_configured_store(_settings(tmp_path, fresh_table_name()))
    assert isinstance(store, Repository)
    try:
        with pytest.raises(StorageUnavailable, match="AWS_ENDPOINT_URL_S3") as raised:
            await store.init()
        assert "busy" not in str(raised.value)
        assert store.documents.calls.counts["documents.create"] == 1  # not retried
    finally:
        await store.close()
