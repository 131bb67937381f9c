"""Proves the real langchain-aws -> botocore stack works end to end against FakeBedrock.

These tests double as documentation of what `ChatBedrockConverse` puts on the wire.
"""

from __future__ import annotations

import asyncio
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.eventstream import ChecksumMismatch, EventStreamBuffer
from botocore.exceptions import ClientError, ConnectionClosedError, EventStreamError
from botocore.exceptions import ReadTimeoutError as BotocoreReadTimeout
from langchain_core.messages import (
    AIMessage,
    AIMessageChunk,
    HumanMessage,
    SystemMessage,
    ToolMessage,
)
from pydantic import BaseModel, Field
from urllib3.exceptions import ProtocolError

from tests.fakes.bedrock import (
    DEFAULT_TEXT,
    BrokenStream,
    FakeBedrock,
    Reply,
    ToolUse,
    encode_event_frame,
    forced_tool_name,
)
from tests.fakes.conftest import MODEL_ID

Chat = Any  # ChatBedrockConverse; kept loose so the import stays in the fixtures


class Workout(BaseModel):
    """A workout the user did."""

    kind: str = Field(description="run, ride, swim, ...")
    km: float


def log_workout(kind: str, km: float) -> str:
    """Log a workout for the user."""
    return "ok"


def _collect(chunks: list[AIMessageChunk]) -> AIMessageChunk:
    total = chunks[0]
    for chunk in chunks[1:]:
        total = total + chunk
    return total


# -- wire format ---------------------------------------------------------------------------


def runtime_client(fake: FakeBedrock, config: Config | None = None) -> Any:
    """A plain bedrock-runtime client aimed at the fake (test credentials, us-east-1)."""
    return boto3.client(
        "bedrock-runtime",
        region_name="us-east-1",
        endpoint_url=fake.endpoint_url,
        aws_access_key_id="test",
        aws_secret_access_key="test",
        config=config,
    )


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


# -- ChatBedrockConverse: text -------------------------------------------------------------


def test_invoke_returns_text_and_records_the_request(fake_bedrock: FakeBedrock, chat: Chat) -> None:
    fake_bedrock.add_text("Nice run! Keep it up.", input_tokens=42, output_tokens=7)
    message = chat.invoke([SystemMessage("You are a coach."), HumanMessage("I ran 5k")])

    assert isinstance(message, AIMessage)
    assert message.content == "Nice run! Keep it up."
    assert message.usage_metadata is not None
    assert message.usage_metadata["input_tokens"] == 42
    assert message.usage_metadata["output_tokens"] == 7
    assert message.usage_metadata["total_tokens"] == 49
    assert message.response_metadata["stopReason"] == "end_turn"

    request = fake_bedrock.requests[0]
    assert request.operation == "converse"
    assert request.model_id == MODEL_ID
    assert fake_bedrock.system_text(0) == "You are a coach."
    assert request.messages == [{"role": "user", "content": [{"text": "I ran 5k"}]}]
    assert request.headers["authorization"].startswith("AWS4-HMAC-SHA256 Credential=test/")
    assert "/us-east-1/bedrock/aws4_request" in request.headers["authorization"]
    assert fake_bedrock.pending == 0


def test_inference_config_and_multi_turn_history(
    fake_bedrock: FakeBedrock, make_chat: Callable[..., Chat]
) -> None:
    model = make_chat(fake_bedrock, max_tokens=256, temperature=0.4)
    model.invoke(
        [
            SystemMessage("sys"),
            HumanMessage("a"),
            AIMessage("b"),
            HumanMessage("c"),
        ],
        stop=["END"],
    )
    request = fake_bedrock.last_request
    assert request.inference_config == {
        "maxTokens": 256,
        "temperature": 0.4,
        "stopSequences": ["END"],
    }
    assert [m["role"] for m in request.messages] == ["user", "assistant", "user"]


async def test_ainvoke(fake_bedrock: FakeBedrock, chat: Chat) -> None:
    fake_bedrock.add_text("async hello")
    message = await chat.ainvoke("hi")
    assert message.content == "async hello"
    assert fake_bedrock.last_request.operation == "converse"


def test_empty_queue_uses_default(fake_bedrock: FakeBedrock, chat: Chat) -> None:
    assert chat.invoke("hi").content == DEFAULT_TEXT
    fake_bedrock.default = Reply(text="custom default")
    assert chat.invoke("hi").content == "custom default"


def test_stream_yields_several_chunks(fake_bedrock: FakeBedrock, chat: Chat) -> None:
    text = "Great pace today, you kept it steady."
    fake_bedrock.add_text(text)
    chunks = list(chat.stream([SystemMessage("Be brief."), HumanMessage("how was my run?")]))

    texts = [c.text for c in chunks if c.text]
    assert len(texts) >= 3
    assert "".join(texts) == text
    total = _collect(chunks)
    assert total.usage_metadata is not None and total.usage_metadata["output_tokens"] > 0
    assert total.response_metadata["stopReason"] == "end_turn"
    assert fake_bedrock.last_request.operation == "converse-stream"
    assert fake_bedrock.system_text() == "Be brief."


def test_stream_with_explicit_chunks(fake_bedrock: FakeBedrock, chat: Chat) -> None:
    fake_bedrock.add_text("Hello world", chunks=["Hel", "lo ", "world"])
    assert [c.text for c in chat.stream("hi") if c.text] == ["Hel", "lo ", "world"]


async def test_astream_yields_several_chunks(fake_bedrock: FakeBedrock, chat: Chat) -> None:
    fake_bedrock.add_text("Streaming asynchronously works.")
    texts = [c.text async for c in chat.astream("hi") if c.text]
    assert len(texts) >= 3
    assert "".join(texts) == "Streaming asynchronously works."


# -- tools and structured output -----------------------------------------------------------


def test_bind_tools_invoke_returns_tool_calls(fake_bedrock: FakeBedrock, chat: Chat) -> None:
    fake_bedrock.add_tool_call(
        "log_workout", {"kind": "run", "km": 5.2}, text="Logging it.", tool_use_id="tooluse_1"
    )
    message = chat.bind_tools([log_workout]).invoke("I ran 5.2 km")

    assert message.tool_calls == [
        {
            "name": "log_workout",
            "args": {"kind": "run", "km": 5.2},
            "id": "tooluse_1",
            "type": "tool_call",
        }
    ]
    assert message.response_metadata["stopReason"] == "tool_use"
    assert fake_bedrock.tool_names(0) == ["log_workout"]
    tool_config = fake_bedrock.requests[0].tool_config
    assert tool_config is not None and "toolChoice" not in tool_config  # auto = omitted
    spec = tool_config["tools"][0]["toolSpec"]
    assert spec["description"] == "Log a workout for the user."
    assert spec["inputSchema"]["json"]["required"] == ["kind", "km"]


def test_bind_tools_stream_assembles_tool_calls(fake_bedrock: FakeBedrock, chat: Chat) -> None:
    fake_bedrock.add(
        Reply(
            text="Two things.",
            tool_uses=(
                ToolUse("log_workout", {"kind": "run", "km": 5}),
                ToolUse("log_workout", {"kind": "swim", "km": 1.5}),
            ),
        )
    )
    chunks = list(chat.bind_tools([log_workout]).stream("ran and swam"))
    total = _collect(chunks)

    assert [c["args"] for c in total.tool_calls] == [
        {"kind": "run", "km": 5},
        {"kind": "swim", "km": 1.5},
    ]
    assert all((c["id"] or "").startswith("tooluse_") for c in total.tool_calls)
    assert sum(1 for c in chunks if c.tool_call_chunks) > 2  # args arrived in pieces
    assert total.text == "Two things."


def test_tool_call_without_arguments_streams(fake_bedrock: FakeBedrock, chat: Chat) -> None:
    fake_bedrock.add_tool_call("log_workout", {})
    total = _collect(list(chat.bind_tools([log_workout]).stream("log it")))
    assert [(c["name"], c["args"]) for c in total.tool_calls] == [("log_workout", {})]


def test_tool_round_trip_is_sent_as_tool_use_and_tool_result(
    fake_bedrock: FakeBedrock, chat: Chat
) -> None:
    call = {"name": "log_workout", "args": {"kind": "run", "km": 5}, "id": "tooluse_a"}
    chat.bind_tools([log_workout]).invoke(
        [
            HumanMessage("I ran 5k"),
            AIMessage("", tool_calls=[call]),
            ToolMessage("logged", tool_call_id="tooluse_a"),
        ]
    )
    user, assistant, result = fake_bedrock.last_request.messages
    assert assistant["content"] == [
        {"toolUse": {"toolUseId": "tooluse_a", "name": "log_workout", "input": call["args"]}}
    ]
    assert result["role"] == "user"
    assert result["content"][0]["toolResult"]["toolUseId"] == "tooluse_a"


def test_fake_rejects_a_tool_use_without_its_result(fake_bedrock: FakeBedrock, chat: Chat) -> None:
    call = {"name": "log_workout", "args": {"kind": "run", "km": 5}, "id": "tooluse_a"}
    fake_bedrock.add_text("unused")
    with pytest.raises(ClientError) as info:
        chat.bind_tools([log_workout]).invoke(
            [HumanMessage("I ran 5k"), AIMessage("", tool_calls=[call]), HumanMessage("and?")]
        )
    assert info.value.response["Error"]["Code"] == "ValidationException"
    assert "tooluse_a" in info.value.response["Error"]["Message"]
    assert fake_bedrock.pending == 1  # an invalid request consumes no scripted response


def test_with_structured_output_is_a_forced_tool_call(
    fake_bedrock: FakeBedrock, chat: Chat
) -> None:
    fake_bedrock.add_tool_call("Workout", {"kind": "ride", "km": 40})
    result = chat.with_structured_output(Workout).invoke("I rode 40k")

    assert result == Workout(kind="ride", km=40)
    tool_config = fake_bedrock.last_request.tool_config
    assert tool_config is not None
    assert tool_config["toolChoice"] == {"tool": {"name": "Workout"}}
    assert fake_bedrock.tool_names() == ["Workout"]


def test_handler_answers_structured_output(fake_bedrock: FakeBedrock, chat: Chat) -> None:
    def handler(body: dict[str, Any]) -> Reply | None:
        if forced_tool_name(body) == "Workout":
            said = body["messages"][-1]["content"][0]["text"]
            return Reply(tool_uses=(ToolUse("Workout", {"kind": "run", "km": len(said)}),))
        return None  # fall through to the default

    fake_bedrock.handler = handler
    assert chat.with_structured_output(Workout).invoke("12345") == Workout(kind="run", km=5)
    assert chat.invoke("plain").content == DEFAULT_TEXT

    fake_bedrock.add_text("queued wins")
    assert chat.with_structured_output(Workout, include_raw=True).invoke("x")["parsed"] is None


def test_structured_output_json_schema_method(fake_bedrock: FakeBedrock, chat: Chat) -> None:
    fake_bedrock.add_text(json.dumps({"kind": "swim", "km": 2}))
    result = chat.with_structured_output(Workout, method="json_schema").invoke("swam 2k")
    assert result == Workout(kind="swim", km=2)
    text_format = fake_bedrock.last_request.body["outputConfig"]["textFormat"]
    assert text_format["type"] == "json_schema"
    schema = json.loads(text_format["structure"]["jsonSchema"]["schema"])
    assert schema["additionalProperties"] is False
    assert fake_bedrock.last_request.tool_config is None


# -- prompt caching ------------------------------------------------------------------------


def test_system_cache_point_blocks_are_sent_verbatim(fake_bedrock: FakeBedrock, chat: Chat) -> None:
    system = SystemMessage(
        content=[{"text": "You are a coach."}, {"cachePoint": {"type": "default"}}]
    )
    chat.invoke([system, HumanMessage("hi")])
    assert fake_bedrock.last_request.system == [
        {"text": "You are a coach."},
        {"cachePoint": {"type": "default"}},
    ]
    assert fake_bedrock.system_text() == "You are a coach."


def test_cache_control_kwarg_adds_cache_points(fake_bedrock: FakeBedrock, chat: Chat) -> None:
    chat.invoke([SystemMessage("sys"), HumanMessage("hi")], cache_control={"type": "ephemeral"})
    request = fake_bedrock.last_request
    assert request.system == [{"text": "sys"}, {"cachePoint": {"type": "default"}}]
    assert request.messages[-1]["content"][-1] == {"cachePoint": {"type": "default"}}


def test_anthropic_style_cache_control_is_dropped_by_langchain_aws(
    fake_bedrock: FakeBedrock, chat: Chat
) -> None:
    """Pins a trap: Anthropic `cache_control` on a text block does NOT become a cachePoint."""
    block = {"type": "text", "text": "sys", "cache_control": {"type": "ephemeral"}}
    chat.invoke([SystemMessage(content=[block]), HumanMessage("hi")])
    assert fake_bedrock.last_request.system == [{"text": "sys"}]


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
