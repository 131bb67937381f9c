"""End to end on every backend: the scenario (e2e_scenario.py) runs on the `local` store, on
the `aws` store against moto's server on loopback, and with the table on DynamoDB Local
(the bucket on moto's server); afterwards the stored items and documents are read
directly (e2e_store.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import pytest

from api.runtime import open_configured_store
from api.settings import Settings
from tests.api.e2e_scenario import SUMMARY_EVERY, converse
from tests.api.e2e_store import BUCKET, TABLE, AwsInspector, Inspector, LocalInspector, check_store
from tests.api.helpers import serve
from tests.dynamodb_local import fresh_table_name
from tests.moto_server import moto_server


@pytest.fixture
def moto_endpoint(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """moto's DynamoDB + S3 server on a free loopback port; its state is reset after."""
    with moto_server() as endpoint:
        yield endpoint


@dataclass
class Backend:
    """A configured store to run the scenario on, and a way to read it directly."""

    settings: Settings
    inspect: Inspector
    encrypted: bool


@pytest.fixture(
    params=[
        "local",
        pytest.param("aws", marks=pytest.mark.slow),
        pytest.param("dynamodb-local", marks=pytest.mark.slow),
    ]
)
async def backend(request: pytest.FixtureRequest, settings: Settings) -> AsyncIterator[Backend]:
    """`local` (SQLite + files in tmp_path), `aws` (moto's server) or `dynamodb-local`
    (the table on DynamoDB Local, the bucket on moto's server), created and empty."""
    base = {**settings.model_dump(), "summary_every": SUMMARY_EVERY}
    if request.param == "local":
        yield Backend(Settings(**base), LocalInspector(settings.data_dir), encrypted=False)
        return
    endpoint: str = request.getfixturevalue("moto_endpoint")
    if request.param == "aws":
        table, dynamodb = TABLE, endpoint
    else:
        table, dynamodb = fresh_table_name(), request.getfixturevalue("dynamodb_local")
    aws = Settings(
        **{
            **base,
            "storage": "aws",
            "aws_endpoint_url": endpoint,
            "aws_endpoint_url_dynamodb": dynamodb,
            "aws_region": "us-east-1",
            "table": table,
            "bucket": BUCKET,
        }
    )
    store = open_configured_store(aws)  # what `coach init` does
    try:
        await store.init()
    finally:
        await store.close()
    yield Backend(aws, AwsInspector(table, dynamodb, endpoint), encrypted=True)


async def test_full_conversation(backend: Backend) -> None:
    """A whole conversation over HTTP, then the stored items and documents.

    The store is read after the app's lifespan has ended, which waits for the work
    that follows each reply (transcript, summary), so the documents are final.
    """
    async with serve(backend.settings) as http:
        talk = await converse(http)
    check_store(backend.inspect, talk, encrypted=backend.encrypted)
    # Memories end with a full stop; the recall sentence must not double it.
    assert ".." not in talk.recall_reply, talk.recall_reply
