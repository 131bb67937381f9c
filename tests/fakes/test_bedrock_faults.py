"""FakeBedrock's faults as the client sees them: AWS errors, broken streams and connections,
unscripted calls and slow responses.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from botocore.config import Config
from botocore.eventstream import ChecksumMismatch
from botocore.exceptions import ClientError, ConnectionClosedError, EventStreamError
from botocore.exceptions import ReadTimeoutError as BotocoreReadTimeout
from urllib3.exceptions import ProtocolError

from tests.fakes.bedrock import BrokenStream, FakeBedrock, Reply
from tests.fakes.conftest import MODEL_ID, Chat, runtime_client

# -- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (429, "ThrottlingException"),
        (500, "InternalServerException"),
        (503, "ServiceUnavailableException"),
        (400, "ValidationException"),
    ],
)
def test_errors_map_to_botocore_exceptions(
    fake_bedrock: FakeBedrock, chat: Chat, status: int, code: str
) -> None:
    fake_bedrock.add_error(status, code, f"scripted {code}")
    with pytest.raises(ClientError) as info:
        chat.invoke("hi")
    error = info.value
    assert type(error).__name__ == code  # the modeled exception class, e.g. ThrottlingException
    assert error.response["Error"] == {"Code": code, "Message": f"scripted {code}"}
    assert error.response["ResponseMetadata"]["HTTPStatusCode"] == status
    assert len(fake_bedrock.requests) == 1  # retries really are off


def test_throttling_on_stream_with_prebuilt_client(fake_bedrock: FakeBedrock) -> None:
    from langchain_aws import ChatBedrockConverse

    client = runtime_client(fake_bedrock, Config(retries={"total_max_attempts": 1}))
    model = ChatBedrockConverse(model=MODEL_ID, client=client, region_name="us-east-1")
    fake_bedrock.add_error(429, "ThrottlingException")
    with pytest.raises(client.exceptions.ThrottlingException):
        list(model.stream("hi"))
    assert len(fake_bedrock.requests) == 1
    fake_bedrock.add_text("recovered")
    assert model.invoke("hi").content == "recovered"


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("truncate", ProtocolError),  # urllib3's IncompleteRead, not wrapped by botocore
        ("eof", ConnectionError),  # langchain-aws: "missing messageStop event"
        ("bad_crc", ChecksumMismatch),
        ("exception", EventStreamError),  # a ClientError with the event's code
    ],
)
def test_broken_stream_raises_after_some_chunks(
    fake_bedrock: FakeBedrock, chat: Chat, mode: Any, expected: type[Exception]
) -> None:
    fake_bedrock.add_broken_stream("You ran a great", mode=mode)
    received: list[str] = []
    with pytest.raises(expected) as info:
        for chunk in chat.stream("hi"):
            received.append(chunk.text)
    assert len([t for t in received if t]) >= 2
    assert "".join(received) == "You ran a great"
    if mode == "exception":
        assert isinstance(info.value, ClientError)
        assert info.value.response["Error"]["Code"] == "modelStreamErrorException"
    fake_bedrock.add_text("next call is fine")
    assert chat.invoke("again").content == "next call is fine"


def test_broken_response_on_converse_drops_the_connection(
    fake_bedrock: FakeBedrock, chat: Chat
) -> None:
    fake_bedrock.add(BrokenStream(mode="eof"))
    with pytest.raises(ConnectionClosedError):
        chat.invoke("hi")


def test_handler_errors_surface_as_500(fake_bedrock: FakeBedrock, chat: Chat) -> None:
    def handler(body: dict[str, Any]) -> Reply:
        raise KeyError("oops")

    fake_bedrock.handler = handler
    with pytest.raises(ClientError, match="FakeBedrock handler: KeyError"):
        chat.invoke("hi")


def test_no_default_means_unscripted_calls_fail(fake_bedrock: FakeBedrock, chat: Chat) -> None:
    fake_bedrock.default = None
    with pytest.raises(ClientError, match="no scripted response left"):
        chat.invoke("hi")


# -- timing --------------------------------------------------------------------------------


async def test_slow_responses_do_not_block_each_other(
    fake_bedrock: FakeBedrock, chat: Chat
) -> None:
    fake_bedrock.default = Reply(text="slow", delay_s=0.3)
    started = time.monotonic()
    results = await asyncio.gather(*(chat.ainvoke(f"q{i}") for i in range(4)))
    elapsed = time.monotonic() - started
    assert [r.content for r in results] == ["slow"] * 4
    assert elapsed < 0.9, elapsed  # serial would take >= 1.2 s


def test_delay_trips_the_client_read_timeout(fake_bedrock: FakeBedrock) -> None:
    client = runtime_client(
        fake_bedrock, Config(read_timeout=0.1, retries={"total_max_attempts": 1})
    )
    fake_bedrock.add_text("too late", delay_s=0.4)
    with pytest.raises(BotocoreReadTimeout):
        client.converse(modelId=MODEL_ID, messages=[{"role": "user", "content": [{"text": "x"}]}])
