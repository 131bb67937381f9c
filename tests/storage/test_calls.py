"""The plumbing under both backends: one retry policy, one error translation, numbers."""

from __future__ import annotations

import math
from functools import partial
from typing import Any

import pytest
from anyio import CapacityLimiter
from botocore.exceptions import ClientError, EndpointConnectionError, ReadTimeoutError
from hypothesis import given
from hypothesis import strategies as st

from storage.aws import aws_errors
from storage.calls import Calls, Contended, Transient, concurrently
from storage.dynamo import from_dynamo, to_dynamo
from storage.errors import PayloadTooLarge, StorageError, StorageUnavailable
from storage.items import ConditionFailed
from storage.pages import PageTokens

DYNAMODB_ERRORS = partial(aws_errors, "dynamodb")


def client_error(code: str, status: int = 400, **extra: Any) -> ClientError:
    response: Any = {
        "Error": {"Code": code, "Message": extra.pop("message", code)},
        "ResponseMetadata": {"HTTPStatusCode": status},
        **extra,
    }
    return ClientError(response, "Op")


def translated(exc: Exception) -> StorageError:
    with pytest.raises(StorageError) as caught, aws_errors("dynamodb"):
        raise exc
    assert caught.value.__cause__ is exc
    return caught.value


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (client_error("ProvisionedThroughputExceededException"), Transient),
        (client_error("ThrottlingException"), Transient),
        (client_error("TransactionConflictException"), Contended),
        (client_error("SlowDown", 503), Transient),
        (client_error("Whatever", 500), Transient),
        (EndpointConnectionError(endpoint_url="http://x"), Transient),
        (ReadTimeoutError(endpoint_url="http://x"), Transient),
        (client_error("ResourceNotFoundException"), StorageUnavailable),
        (client_error("AccessDeniedException", 403), StorageUnavailable),
        (client_error("ValidationException", message="Item size has exceeded"), PayloadTooLarge),
        (client_error("ValidationException"), StorageError),
    ],
)
def test_aws_errors_become_ours(exc: Exception, expected: type[StorageError]) -> None:
    assert type(translated(exc)) is expected


def test_condition_failures_name_the_failing_writes() -> None:
    single = translated(client_error("ConditionalCheckFailedException"))
    assert isinstance(single, ConditionFailed) and single.failed == {0}

    reasons = [{"Code": "None"}, {"Code": "ConditionalCheckFailed"}, {"Code": "None"}]
    cancelled = translated(
        client_error("TransactionCanceledException", CancellationReasons=reasons)
    )
    assert isinstance(cancelled, ConditionFailed) and cancelled.failed == {1}

    message = "Transaction cancelled [None, None, ConditionalCheckFailed]"
    parsed = translated(client_error("TransactionCanceledException", message=message))
    assert isinstance(parsed, ConditionFailed) and parsed.failed == {2}

    busy = [{"Code": "TransactionConflict"}, {"Code": "None"}]
    assert (
        type(translated(client_error("TransactionCanceledException", CancellationReasons=busy)))
        is Contended
    )


async def test_transient_failures_are_retried_then_surface() -> None:
    calls = Calls(CapacityLimiter(2), attempts=3, max_wait_s=0.01)
    failures = iter([Transient("busy"), Transient("busy")])

    def flaky() -> str:
        for failure in failures:
            raise failure
        return "ok"

    assert await calls.run("op", flaky, DYNAMODB_ERRORS) == "ok"
    assert calls.counts["op"] == 3

    def down() -> None:
        raise client_error("InternalServerError", 500)

    with pytest.raises(StorageUnavailable):
        await calls.run("down", down, DYNAMODB_ERRORS)
    assert calls.counts["down"] == 3


async def test_a_write_held_up_by_another_transaction_gets_more_tries() -> None:
    """Contention is another writer making progress: waited out longer than an outage."""
    calls = Calls(CapacityLimiter(1), attempts=3, contended_attempts=6, max_wait_s=0.01)

    def held() -> None:
        raise client_error("TransactionConflictException")

    with pytest.raises(Contended):
        await calls.run("held", held, DYNAMODB_ERRORS)
    assert calls.counts["held"] == 6

    failures = iter(
        [client_error("ThrottlingException"), client_error("TransactionConflictException")]
    )

    def mixed() -> None:
        raise next(failures, client_error("InternalServerError", 500))

    with pytest.raises(Transient):
        await calls.run("mixed", mixed, DYNAMODB_ERRORS)
    assert calls.counts["mixed"] == 3  # an outage stops at `attempts`


async def test_conflicts_are_not_retried() -> None:
    calls = Calls(CapacityLimiter(1), attempts=5, max_wait_s=0.01)

    def lost() -> None:
        raise client_error("ConditionalCheckFailedException")

    with pytest.raises(ConditionFailed):
        await calls.run("put", lost, DYNAMODB_ERRORS)
    assert calls.counts["put"] == 1


async def test_concurrent_failures_surface_as_our_errors() -> None:
    async def fine() -> None:
        return None

    async def missing() -> None:
        with aws_errors("dynamodb"):
            raise client_error("ResourceNotFoundException")

    with pytest.raises(StorageUnavailable) as caught:
        await concurrently(fine, missing)
    assert isinstance(caught.value.__cause__, ClientError)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=False, allow_infinity=False).filter(
        lambda f: 1e-120 < abs(f) < 1e120 and f != int(f)  # DynamoDB's range; whole → int
    )
    | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=12,
)


@given(json_values)
def test_numbers_survive_the_dynamodb_codec(value: Any) -> None:
    """Floats in, floats out; ints stay ints (whole floats read back as equal ints)."""
    back = from_dynamo(to_dynamo(value))
    assert back == value
    assert repr(back) == repr(value)


@pytest.mark.parametrize("number", [math.inf, math.nan, 1e-300, 10**40])
def test_numbers_dynamodb_cannot_hold_are_refused(number: float) -> None:
    with pytest.raises(ValueError):
        to_dynamo({"x": number})


def test_page_secret_must_be_long_enough() -> None:
    with pytest.raises(ValueError):
        PageTokens(b"short")
