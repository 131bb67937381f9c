"""Record the DynamoDB and S3 requests of the stores opened in a block, with their
parameters and responses: what IAM must allow (tests/deploy) and what a turn costs in
capacity units and requests (bench/bench_capacity.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from unittest import mock

import boto3
from botocore.client import BaseClient

from storage import aws, factory

_PARAMS = "recorded-params"


@dataclass(frozen=True)
class ApiCall:
    """One request as the service sent it, and what came back."""

    service: str  # "dynamodb" or "s3"
    operation: str  # e.g. "PutItem", "GetObject"
    params: dict[str, Any]
    response: dict[str, Any]
    status: int


@contextmanager
def recorded_calls() -> Iterator[list[ApiCall]]:
    """The list every DynamoDB and S3 request of a store opened in the block is added to."""
    calls: list[ApiCall] = []
    build = aws.clients

    def keep_params(params: dict[str, Any], context: dict[str, Any], **_: Any) -> None:
        context[_PARAMS] = dict(params)

    def record(
        http_response: Any, parsed: dict[str, Any], model: Any, context: dict[str, Any], **_: Any
    ) -> None:
        calls.append(
            ApiCall(
                service=model.service_model.service_name,
                operation=model.name,
                params=context.get(_PARAMS, {}),
                response=parsed,
                status=http_response.status_code,
            )
        )

    def recording_clients(
        session: boto3.session.Session, max_workers: int, endpoints: aws.Endpoints
    ) -> tuple[BaseClient, BaseClient]:
        built = build(session, max_workers, endpoints)
        for client in built:
            client.meta.events.register("before-parameter-build", keep_params)
            client.meta.events.register("after-call", record)
        return built

    with mock.patch.object(factory, "clients", recording_clients):
        yield calls
