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
from typing import Any, Literal, Protocol
from unittest import mock

import boto3
from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.client import BaseClient
from botocore.hooks import HierarchicalEmitter
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
CONFLICT_MESSAGE = "Transaction is ongoing for the item"
ITEM_CONFLICT = {"__type": f"{_DYNAMODB}TransactionConflictException", "message": CONFLICT_MESSAGE}
"""A single-item write's answer when a transaction in flight holds its item."""


class _Body(io.BytesIO):
    """The raw body botocore reads an `AWSResponse` from."""

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self.getvalue()


def _reasons(
    request: AWSPreparedRequest, failing: str, message: str, rng: random.Random
) -> list[dict[str, str]]:
    """One reason per write of the transaction: `failing` on one of them, "None" elsewhere."""
    writes = len(request_body(request)["TransactItems"])
    at = rng.randrange(writes)
    return [
        {"Code": failing, "Message": message} if i == at else {"Code": "None"}
        for i in range(writes)
    ]


def request_body(request: AWSPreparedRequest) -> dict[str, Any]:
    """A DynamoDB request's JSON body."""
    body = request.body if isinstance(request.body, bytes) else str(request.body).encode()
    parsed: dict[str, Any] = json.loads(body)
    return parsed


def operation_of(request: AWSPreparedRequest) -> str:
    """The DynamoDB operation a request calls (from its `X-Amz-Target`)."""
    target = request.headers.get("X-Amz-Target", "")
    return (target.decode() if isinstance(target, bytes) else target).rpartition(".")[2]


def cancellation(reasons: list[dict[str, str]]) -> dict[str, Any]:
    """TransactionCanceledException's body: one reason per write of the transaction, in
    order, their codes repeated in the message as DynamoDB does."""
    codes = ", ".join(reason["Code"] for reason in reasons)
    return {
        "__type": f"{_DYNAMODB}TransactionCanceledException",
        "Message": "Transaction cancelled, please refer cancellation reasons for "
        f"specific reasons [{codes}]",
        "CancellationReasons": reasons,
    }


def error_response(
    fault: Fault, operation: str, request: AWSPreparedRequest, rng: random.Random
) -> AWSResponse:
    """DynamoDB's answer for `fault` to `operation` (a cancelled transaction for a
    transaction's conflict or failed condition, the single-item error otherwise)."""
    status, body = 400, {}
    if fault in ("TransactionConflict", "ConditionalCheckFailed"):
        if operation == "TransactWriteItems":
            message = (
                CONFLICT_MESSAGE
                if fault == "TransactionConflict"
                else "The conditional request failed"
            )
            body = cancellation(_reasons(request, fault, message, rng))
        elif fault == "TransactionConflict":
            body = ITEM_CONFLICT
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
    return answer(request, status, body, rng)


def answer(
    request: AWSPreparedRequest, status: int, body: dict[str, Any], rng: random.Random
) -> AWSResponse:
    """DynamoDB's response with this status and JSON body, in place of sending `request`
    (marked so that moto does not apply it)."""
    headers = {
        "Content-Type": "application/x-amz-json-1.0",
        "x-amzn-RequestId": f"fault-{rng.getrandbits(64):016x}",
    }
    request.headers[_ANSWERED] = str(status)
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

    def attach(self, events: HierarchicalEmitter) -> None:
        """First in line for every request a DynamoDB client sends."""
        events.register_first("before-send.dynamodb", self)

    def __call__(self, request: AWSPreparedRequest, **_: Any) -> AWSResponse | None:
        operation = operation_of(request)
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
        return response

    def total(self) -> int:
        return sum(self.injected.values())


class Hook(Protocol):
    """Something that watches or answers a DynamoDB client's requests."""

    def attach(self, events: HierarchicalEmitter) -> None:
        """Register its handlers on one client's events."""
        ...


@contextmanager
def injected(*hooks: Hook) -> Iterator[None]:
    """Stores opened in the block send their DynamoDB requests through `hooks` (each
    attached to every DynamoDB client, ahead of moto's own hook)."""
    build = aws.clients

    def faulty(
        session: boto3.session.Session, max_workers: int, endpoints: aws.Endpoints
    ) -> tuple[BaseClient, BaseClient]:
        dynamodb, s3 = build(session, max_workers, endpoints)
        for hook in hooks:
            hook.attach(dynamodb.meta.events)
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
