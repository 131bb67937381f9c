"""Proves the real langchain-aws -> botocore stack works end to end against FakeBedrock:
text, streaming, tools, structured output and prompt caching.

These tests double as documentation of what `ChatBedrockConverse` puts on the wire.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError
from langchain_core.messages import (
    AIMessage,
    AIMessageChunk,
    HumanMessage,
    SystemMessage,
    ToolMessage,
)
from pydantic import BaseModel, Field

from tests.fakes.bedrock import DEFAULT_TEXT, FakeBedrock, Reply, ToolUse, forced_tool_name
from tests.fakes.conftest import MODEL_ID, Chat


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
