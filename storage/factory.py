"""`open_store`: the one place that picks engines and builds clients from plain values."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import boto3
from anyio import CapacityLimiter

from storage.aws import Endpoints, aws_errors, clients
from storage.calls import Calls
from storage.documents import Documents
from storage.dynamo import DynamoTable
from storage.files import FileBucket
from storage.items import Items
from storage.quotas import StoredLimits
from storage.repository import Repository
from storage.s3 import S3Bucket
from storage.sqlite import SqliteTable


def open_store(
    kind: Literal["local", "aws"],
    *,
    data_dir: Path,
    table: str,
    bucket: str,
    page_secret: bytes,
    max_workers: int = 64,
    endpoints: Endpoints | None = None,
    region: str | None = None,
    limits: StoredLimits | None = None,
) -> Repository:
    """Build the `Store`; `await store.init()` creates what is missing.

    Args:
        kind: `local` (SQLite + files under `data_dir`) or `aws` (DynamoDB `table` +
            S3 `bucket`; boto3 reads AWS_ENDPOINT_URL*, AWS_REGION and credentials itself).
        data_dir: where `local` keeps its SQLite file and documents.
        table: the DynamoDB table (`aws`).
        bucket: the S3 bucket (`aws`).
        page_secret: signs pagination tokens; at least 16 random bytes, stable across restarts.
        max_workers: concurrent backend calls (threads and HTTP connections).
        endpoints: non-AWS endpoints per service, such as DynamoDB Local and moto's server.
        region: overrides AWS_REGION.
        limits: how much one user may keep (defaults: `StoredLimits()`).
    """
    calls = Calls(CapacityLimiter(max_workers))
    if kind == "local":
        items = Items(SqliteTable(data_dir / "coach.sqlite3"), calls)
        documents = Documents(FileBucket(data_dir / "documents"), calls)
    elif kind == "aws":
        with aws_errors("dynamodb"):
            session = boto3.session.Session(region_name=region)
            dynamodb, s3 = clients(session, max_workers, endpoints or Endpoints())
        items = Items(DynamoTable(dynamodb, table), calls)
        documents = Documents(S3Bucket(s3, bucket), calls)
    else:
        raise ValueError(f"unknown store kind {kind!r}: use 'local' or 'aws'")
    return Repository(items, documents, page_secret=page_secret, limits=limits)
