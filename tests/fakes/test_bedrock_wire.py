"""FakeBedrock on the wire, through a plain boto3 client: event-stream frames, Bedrock's
request checks, auth; and the server's own lifecycle.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

import pytest
from botocore.eventstream import ChecksumMismatch, EventStreamBuffer

from tests.fakes.bedrock import FakeBedrock, encode_event_frame
from tests.fakes.conftest import MODEL_ID, runtime_client


def test_event_frames_decode_with_botocores_own_parser() -> None:
    headers = {":event-type": "messageStop", ":content-type": "application/json"}
    frame = encode_event_frame(headers, b'{"stopReason":"end_turn"}')
    buffer = EventStreamBuffer()
    buffer.add_data(frame + frame)
    messages = list(buffer)
    assert len(messages) == 2
    assert messages[0].headers == headers
    assert json.loads(messages[0].payload) == {"stopReason": "end_turn"}

    corrupt = EventStreamBuffer()
    corrupt.add_data(encode_event_frame(headers, b"{}", corrupt=True))
    with pytest.raises(ChecksumMismatch):
        list(corrupt)


def test_raw_stream_frames_have_bedrock_headers(fake_bedrock: FakeBedrock) -> None:
    fake_bedrock.add_tool_call("log_workout", {"kind": "run", "km": 5}, text="Logging.")
    client = runtime_client(fake_bedrock)
    response = client.converse_stream(
        modelId=MODEL_ID,
        messages=[{"role": "user", "content": [{"text": "hi"}]}],
        toolConfig={"tools": [{"toolSpec": {"name": "log_workout", "inputSchema": {"json": {}}}}]},
    )
    assert response["ResponseMetadata"]["HTTPHeaders"]["content-type"] == (
        "application/vnd.amazon.eventstream"
    )
    events = list(response["stream"])
    kinds = [next(iter(e)) for e in events]
    assert kinds[0] == "messageStart" and kinds[-2:] == ["messageStop", "metadata"]
    assert kinds.count("contentBlockStart") == 1  # only the tool block, like real Claude
    tool_start = next(e for e in events if "contentBlockStart" in e)["contentBlockStart"]
    assert tool_start["contentBlockIndex"] == 1
    assert tool_start["start"]["toolUse"]["name"] == "log_workout"
    pieces = [
        e["contentBlockDelta"]["delta"]["toolUse"]["input"]
        for e in events
        if "contentBlockDelta" in e and "toolUse" in e["contentBlockDelta"]["delta"]
    ]
    assert len(pieces) > 1 and json.loads("".join(pieces)) == {"kind": "run", "km": 5}
    assert events[-2]["messageStop"]["stopReason"] == "tool_use"
    metadata = events[-1]["metadata"]
    assert metadata["usage"]["totalTokens"] == (
        metadata["usage"]["inputTokens"] + metadata["usage"]["outputTokens"]
    )
    assert metadata["metrics"]["latencyMs"] >= 1


def test_model_id_is_url_decoded(fake_bedrock: FakeBedrock) -> None:
    arn = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123"
    client = runtime_client(fake_bedrock)
    client.converse(modelId=arn, messages=[{"role": "user", "content": [{"text": "hi"}]}])
    request = fake_bedrock.last_request
    assert request.model_id == arn
    assert "%3A" in request.path and "%2F" in request.path


@pytest.mark.parametrize(
    ("messages", "fragment"),
    [
        ([{"role": "assistant", "content": [{"text": "hi"}]}], "must start with a user message"),
        (
            [
                {"role": "user", "content": [{"text": "a"}]},
                {"role": "user", "content": [{"text": "b"}]},
            ],
            "must alternate between user and assistant",
        ),
        ([{"role": "user", "content": [{"text": "  "}]}], "messages.0.content.0 is blank"),
    ],
)
def test_fake_applies_bedrock_validation_rules(
    fake_bedrock: FakeBedrock, messages: list[dict[str, Any]], fragment: str
) -> None:
    client = runtime_client(fake_bedrock)
    with pytest.raises(client.exceptions.ValidationException, match=fragment):
        client.converse(modelId=MODEL_ID, messages=messages)
    assert fake_bedrock.last_request.messages == messages  # still recorded


def test_unsigned_requests_are_rejected(fake_bedrock: FakeBedrock) -> None:
    body = json.dumps({"messages": [{"role": "user", "content": [{"text": "hi"}]}]}).encode()
    request = urllib.request.Request(
        f"{fake_bedrock.endpoint_url}/model/{MODEL_ID}/converse", data=body, method="POST"
    )
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=5)
    with info.value:  # the error holds the response open
        assert info.value.code == 403
        assert info.value.headers["x-amzn-ErrorType"].startswith("MissingAuthenticationToken")


def test_context_manager_lifecycle() -> None:
    fake = FakeBedrock()
    with pytest.raises(RuntimeError):
        _ = fake.endpoint_url
    with fake:
        assert fake.endpoint_url.startswith("http://127.0.0.1:")
    with pytest.raises(RuntimeError):
        _ = fake.endpoint_url


def test_non_loopback_connections_are_blocked() -> None:
    import socket

    with pytest.raises(OSError, match="loopback"):
        socket.create_connection(("192.0.2.1", 443), timeout=0.1)  # TEST-NET-1, never routed
