"""What DynamoDB and S3 share: client configuration and the one error translation.

`aws_errors()` is the only place a botocore exception is looked at; nothing botocore
escapes `storage/`. Throttling, 5xx and connection failures become `Transient`, which
`storage.calls.Calls` retries; botocore's own retries are off so there is one policy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import Literal

import boto3
import botocore
from botocore.client import BaseClient
from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    HTTPClientError,
    NoCredentialsError,
    NoRegionError,
)
from botocore.exceptions import ConnectionError as BotoConnectionError

from storage.calls import Contended, Transient
from storage.errors import (
    IdempotencyMismatch,
    PayloadTooLarge,
    StorageError,
    StorageUnavailable,
)
from storage.items import ConditionFailed

THROTTLED = frozenset(
    {
        "ProvisionedThroughputExceededException",
        "ThrottlingException",
        "RequestLimitExceeded",
        "LimitExceededException",
        "SlowDown",
        "RequestTimeout",
        "InternalError",
        "InternalServerError",
        "ServiceUnavailable",
        # A conditional S3 write lost a race with another writer: read again and redo.
        "PreconditionFailed",
        "ConditionalRequestConflict",
    }
)
"""Error codes worth retrying (besides any HTTP 5xx)."""

CONTENDED = frozenset({"TransactionConflictException", "TransactionInProgressException"})
"""Error codes of a write that met another writer's transaction in flight."""

RETRYABLE_REASONS = frozenset(
    {
        "TransactionConflict",
        "ThrottlingError",
        "ProvisionedThroughputExceeded",
        "RequestLimitExceeded",
    }
)
"""Transaction cancellation reasons worth retrying."""

MISSING = frozenset({"ResourceNotFoundException", "NoSuchBucket"})
DENIED = frozenset(
    {
        "AccessDenied",
        "AccessDeniedException",
        "UnrecognizedClientException",
        "InvalidAccessKeyId",
        "InvalidSignatureException",
        "SignatureDoesNotMatch",
        "ExpiredToken",
        "ExpiredTokenException",
    }
)


Service = Literal["dynamodb", "s3"]

PROTOCOLS: dict[Service, tuple[str, str]] = {
    "dynamodb": ("DynamoDB", "application/x-amz-json"),
    "s3": ("S3", "application/xml"),
}
"""Each service's name and the content type its error responses come in."""


@dataclass(frozen=True)
class Endpoints:
    """Non-AWS endpoints for the store's clients (moto's server, DynamoDB Local, MinIO).

    A service left None is resolved by botocore: AWS_ENDPOINT_URL_DYNAMODB or
    AWS_ENDPOINT_URL_S3, then AWS_ENDPOINT_URL, then the config file, then AWS itself.
    """

    dynamodb: str | None = None
    s3: str | None = None


def _user_agent() -> str:
    try:
        ours = version("coach-agent")
    except PackageNotFoundError:  # run from a checkout without `pip install -e .`
        ours = "dev"
    return f"coach-agent/{ours} botocore/{botocore.__version__}"


def botocore_config(max_workers: int, *, connect_timeout: float, read_timeout: float) -> Config:
    """One client configuration for DynamoDB, S3 and Bedrock.

    Retries off (tenacity owns them), one pooled connection per worker thread, and two
    CPU savings measured on a ConverseStream call: a fixed User-Agent (botocore otherwise
    rebuilds and sanitises its default one twice per request, about a sixth of the call)
    and no client-side parameter validation (a tenth; the service validates anyway).
    """
    return Config(
        parameter_validation=False,
        max_pool_connections=max_workers,
        retries={"total_max_attempts": 1},
        connect_timeout=connect_timeout,
        read_timeout=read_timeout,
        user_agent=_user_agent(),
    )


def clients(
    session: boto3.session.Session, max_workers: int, endpoints: Endpoints
) -> tuple[BaseClient, BaseClient]:
    """DynamoDB and S3 clients: one connection per worker thread, no botocore retries.

    For custom endpoints botocore addresses S3 buckets path-style by itself.
    """
    config = botocore_config(max_workers, connect_timeout=5, read_timeout=20)
    dynamodb = session.client("dynamodb", endpoint_url=endpoints.dynamodb, config=config)
    s3 = session.client("s3", endpoint_url=endpoints.s3, config=config)
    return dynamodb, s3


@contextmanager
def aws_errors(service: Service) -> Iterator[None]:
    """Translate botocore exceptions into `storage.errors` errors, chained with `from`."""
    try:
        yield
    except ClientError as exc:
        raise (misdirected(exc, service) or translate(exc)) from exc
    except (BotoConnectionError, HTTPClientError) as exc:
        raise Transient(f"AWS unreachable: {exc}") from exc
    except (NoCredentialsError, NoRegionError) as exc:
        raise StorageUnavailable(f"{exc}: configure AWS credentials and AWS_REGION") from exc
    except BotoCoreError as exc:
        raise StorageError(f"AWS request failed: {exc}") from exc


def misdirected(exc: ClientError, service: Service) -> StorageUnavailable | None:
    """Whether the error is in the other service's protocol: a misconfiguration.

    This service's endpoint names the other server (one AWS_ENDPOINT_URL for DynamoDB
    Local and S3), which no retry mends.
    """
    headers = exc.response.get("ResponseMetadata", {}).get("HTTPHeaders", {})
    answered = headers.get("content-type", "")
    other: Service = "s3" if service == "dynamodb" else "dynamodb"
    if not answered.startswith(PROTOCOLS[other][1]):
        return None
    name, other_name = PROTOCOLS[service][0], PROTOCOLS[other][0]
    variable = f"AWS_ENDPOINT_URL_{service.upper()}"
    return StorageUnavailable(
        f"{name} {exc.operation_name} was answered by a {other_name} server: "
        f"point {variable} (or COACH_{variable}) at {name}"
    )


def translate(exc: ClientError) -> StorageError:
    """Our error for one AWS error response."""
    error = exc.response.get("Error", {})
    code = error.get("Code", "")
    message = error.get("Message", "")
    status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
    if code == "ConditionalCheckFailedException":
        return ConditionFailed([0])
    if code == "TransactionCanceledException":
        return cancelled(exc)
    if code == "IdempotentParameterMismatchException":
        return IdempotencyMismatch(
            "a retried write's idempotency token was used for other writes; nothing was "
            "written: send a new request id for a new request"
        )
    if code in CONTENDED:
        return Contended(f"an item is in another write's transaction ({code}); retrying")
    if code in THROTTLED or status >= 500:
        return Transient(f"AWS is busy ({code}); retry shortly")
    if code in MISSING:
        return StorageUnavailable(f"{code}: the table or bucket is missing; run `coach init`")
    if code in DENIED:
        return StorageUnavailable(f"{code}: check the AWS credentials and their permissions")
    if code == "ValidationException" and "size" in message.lower():
        return PayloadTooLarge(message)
    return StorageError(f"{code}: {message}")


def cancelled(exc: ClientError) -> StorageError:
    """Map TransactionCanceled by its per-write reasons (from the body, or the message)."""
    reasons = exc.response.get("CancellationReasons")
    if reasons:
        codes = [reason.get("Code", "None") for reason in reasons]
    else:
        found = re.search(r"\[(.*)\]", exc.response.get("Error", {}).get("Message", ""))
        codes = [code.strip() for code in found.group(1).split(",")] if found else []
    failed = [i for i, code in enumerate(codes) if code == "ConditionalCheckFailed"]
    if failed:
        return ConditionFailed(failed)
    if "TransactionConflict" in codes:
        return Contended(f"transaction conflicted ({', '.join(codes)}); retrying")
    if RETRYABLE_REASONS.intersection(codes):
        return Transient(f"transaction conflicted ({', '.join(codes)}); retry shortly")
    return StorageError(f"transaction cancelled: {', '.join(codes) or 'no reason given'}")
