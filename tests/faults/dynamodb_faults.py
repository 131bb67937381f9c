"""DynamoDB faults injected into real boto3 clients, as the service sends them.

Neither moto nor DynamoDB Local ever returns `TransactionConflict` or throttles, so a
`before-send` hook answers chosen requests itself with DynamoDB's own error responses
(status, `__type` and body as the service sends them, `CancellationReasons` included)
instead of sending them; botocore then parses them like any answer. A "lost reply" fault
does send the request, then answers 500, as when a connection drops after DynamoDB
applied a write.

botocore calls every `before-send` handler and uses the first answer, so in-process
moto would still apply a request answered with a fault: `injected` marks such requests
and has moto's handler pass them by.
"""

from __future__ import annotations

import io
import json
import random
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal
from unittest import mock

import boto3
from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.client import BaseClient
from botocore.httpsession import URLLib3Session
from moto.core.botocore_stubber import BotocoreStubber

from storage import aws, factory

Fault = Literal[
    "TransactionConflict",
    "ProvisionedThroughputExceeded",
    "ThrottlingException",
    "InternalServerError",
    "ServiceUnavailable",
    "ConditionalCheckFailed",
    "LostReply",
]

_DYNAMODB = "com.amazonaws.dynamodb.v20120810#"
_ANSWERED = "x-fault-answered"
"""Marks a request a fault answered, which moto must not apply."""


class _Body(io.BytesIO):
    """The raw body botocore reads an `AWSResponse` from."""

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self.getvalue()


def _reasons(
    request: AWSPreparedRequest, failing: str, message: str, rng: random.Random
) -> list[dict[str, str]]:
    """One reason per write of the transaction: `failing` on one of them, "None" elsewhere."""
    body = request.body if isinstance(request.body, bytes) else str(request.body).encode()
    writes = len(json.loads(body)["TransactItems"])
    at = rng.randrange(writes)
    return [
        {"Code": failing, "Message": message} if i == at else {"Code": "None"}
        for i in range(writes)
    ]


def error_response(
    fault: Fault, operation: str, request: AWSPreparedRequest, rng: random.Random
) -> AWSResponse:
    """DynamoDB's answer for `fault` to `operation` (a cancelled transaction for a
    transaction's conflict or failed condition, the single-item error otherwise)."""
    status, body = 400, {}
    if fault in ("TransactionConflict", "ConditionalCheckFailed"):
        if operation == "TransactWriteItems":
            message = (
                "Transaction is ongoing for the item"
                if fault == "TransactionConflict"
                else "The conditional request failed"
            )
            reasons = _reasons(request, fault, message, rng)
            codes = ", ".join(reason["Code"] for reason in reasons)
            body = {
                "__type": f"{_DYNAMODB}TransactionCanceledException",
                "Message": "Transaction cancelled, please refer cancellation reasons for "
                f"specific reasons [{codes}]",
                "CancellationReasons": reasons,
            }
        elif fault == "TransactionConflict":
            body = {
                "__type": f"{_DYNAMODB}TransactionConflictException",
                "message": "Transaction is ongoing for the item",
            }
        else:
            body = {
                "__type": f"{_DYNAMODB}ConditionalCheckFailedException",
                "message": "The conditional request failed",
            }
    elif fault == "ProvisionedThroughputExceeded":
        body = {
            "__type": f"{_DYNAMODB}ProvisionedThroughputExceededException",
            "message": "The level of configured provisioned throughput for the table was "
            "exceeded. Consider increasing your provisioning level with the UpdateTable API.",
        }
    elif fault == "ThrottlingException":
        body = {
            "__type": "com.amazon.coral.availability#ThrottlingException",
            "message": "Rate exceeded",
        }
    elif fault == "ServiceUnavailable":
        status, body = 503, {"__type": "com.amazon.coral.availability#ServiceUnavailableException"}
    else:  # InternalServerError, LostReply
        status = 500
        body = {"__type": f"{_DYNAMODB}InternalServerError", "message": "Internal server error"}
    headers = {
        "Content-Type": "application/x-amz-json-1.0",
        "x-amzn-RequestId": f"fault-{rng.getrandbits(64):016x}",
    }
    return AWSResponse(request.url, status, headers, _Body(json.dumps(body).encode()))


@dataclass
class Injector:
    """Answers DynamoDB requests with faults: the first `first` requests of each
    operation in `operations` (None: all), then a `rate` share of them, at random."""

    faults: tuple[Fault, ...]
    operations: frozenset[str] | None = None
    first: int = 0
    rate: float = 0.0
    seed: int = 13
    active: bool = True
    seen: Counter[str] = field(default_factory=Counter)
    """Requests that reached the hook, by operation."""
    injected: Counter[tuple[str, Fault]] = field(default_factory=Counter)
    """Faults answered, by (operation, fault)."""

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._random = random.Random(self.seed)
        self._http = URLLib3Session()

    def __call__(self, request: AWSPreparedRequest, **_: Any) -> AWSResponse | None:
        target = request.headers.get("X-Amz-Target", "")
        operation = (target.decode() if isinstance(target, bytes) else target).rpartition(".")[2]
        with self._lock:
            if not self.active or (self.operations and operation not in self.operations):
                return None
            self.seen[operation] += 1
            early = self.seen[operation] <= self.first
            if not early and self._random.random() >= self.rate:
                return None
            fault = self._random.choice(self.faults)
            self.injected[(operation, fault)] += 1
            response = error_response(fault, operation, request, self._random)
        if fault == "LostReply":
            self._http.send(request)  # DynamoDB applies it; its answer never arrives
        request.headers[_ANSWERED] = fault
        return response

    def total(self) -> int:
        return sum(self.injected.values())


@contextmanager
def injected(injector: Injector) -> Iterator[None]:
    """Stores opened in the block send their DynamoDB requests through `injector`
    (first in line, before moto's own hook)."""
    build = aws.clients

    def faulty(
        session: boto3.session.Session, max_workers: int, endpoints: aws.Endpoints
    ) -> tuple[BaseClient, BaseClient]:
        dynamodb, s3 = build(session, max_workers, endpoints)
        dynamodb.meta.events.register_first("before-send.dynamodb", injector)
        return dynamodb, s3

    moto_hook = BotocoreStubber.__call__

    def moto_unless_answered(
        self: BotocoreStubber, event_name: str, request: AWSPreparedRequest, **kwargs: Any
    ) -> AWSResponse | None:
        if _ANSWERED in request.headers:
            return None
        return moto_hook(self, event_name, request, **kwargs)

    with (
        mock.patch.object(factory, "clients", faulty),
        mock.patch.object(BotocoreStubber, "__call__", moto_unless_answered),
    ):
        yield
