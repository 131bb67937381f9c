"""A scripted `Reply` rendered into Converse's two wire shapes: one JSON body, or a stream
of events."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.bedrock.eventstream import event
from tests.fakes.bedrock.responses import Reply, ToolUse

_TOOL_JSON_PIECE = 16  # characters of tool-input JSON per toolUse delta


@dataclass
class RenderedTurn:
    """A reply rendered once, shared by the JSON and event-stream encoders."""

    text: str
    text_chunks: list[str]
    tool_uses: list[ToolUse] = field(default_factory=list)
    stop_reason: str = "end_turn"
    usage: dict[str, int] = field(default_factory=dict)


def pieces(text: str, size: int) -> list[str]:
    """`text` cut into `size`-character deltas."""
    return [text[i : i + size] for i in range(0, len(text), max(1, size))]


def _estimate_tokens(value: Any) -> int:
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return max(1, len(text) // 4)


def elapsed_ms(started: float) -> int:
    """The latency Bedrock reports in `metrics`, never 0."""
    return max(1, int((time.monotonic() - started) * 1000))


def render(reply: Reply, body: dict[str, Any], chunk_chars: int) -> RenderedTurn:
    """Fill in what the script left out: text deltas, tool-use ids, stop reason, usage."""
    text = reply.text or ""
    chunks = list(reply.chunks) if reply.chunks is not None else pieces(text, chunk_chars)
    tool_uses = [
        ToolUse(t.name, t.input, t.tool_use_id or f"tooluse_{uuid.uuid4().hex[:22]}")
        for t in reply.tool_uses
    ]
    input_tokens = reply.input_tokens or _estimate_tokens(
        [body.get("system"), body.get("messages"), body.get("toolConfig")]
    )
    output_tokens = reply.output_tokens or _estimate_tokens(
        text + "".join(json.dumps(t.input) for t in tool_uses)
    )
    return RenderedTurn(
        text=text,
        text_chunks=chunks,
        tool_uses=tool_uses,
        stop_reason=reply.stop_reason or ("tool_use" if tool_uses else "end_turn"),
        usage={
            "inputTokens": input_tokens,
            "outputTokens": output_tokens,
            "totalTokens": input_tokens + output_tokens,
        },
    )


def converse_body(turn: RenderedTurn, started: float) -> dict[str, Any]:
    """The `converse` JSON response."""
    content: list[dict[str, Any]] = []
    if turn.text or not turn.tool_uses:
        content.append({"text": turn.text})
    content += [
        {"toolUse": {"toolUseId": t.tool_use_id, "name": t.name, "input": t.input}}
        for t in turn.tool_uses
    ]
    return {
        "output": {"message": {"role": "assistant", "content": content}},
        "stopReason": turn.stop_reason,
        "usage": turn.usage,
        "metrics": {"latencyMs": elapsed_ms(started)},
    }


def stream_events(turn: RenderedTurn, started: float) -> Iterator[bytes]:
    """The `converse-stream` event frames, in the order Bedrock sends them."""
    yield event("messageStart", {"role": "assistant"})
    index = 0
    if turn.text_chunks:
        for piece in turn.text_chunks:
            yield event("contentBlockDelta", {"contentBlockIndex": 0, "delta": {"text": piece}})
        yield event("contentBlockStop", {"contentBlockIndex": 0})
        index = 1
    for tool in turn.tool_uses:
        start = {"toolUse": {"toolUseId": tool.tool_use_id, "name": tool.name}}
        yield event("contentBlockStart", {"contentBlockIndex": index, "start": start})
        for piece in pieces(json.dumps(tool.input), _TOOL_JSON_PIECE):
            delta = {"toolUse": {"input": piece}}
            yield event("contentBlockDelta", {"contentBlockIndex": index, "delta": delta})
        yield event("contentBlockStop", {"contentBlockIndex": index})
        index += 1
    yield event("messageStop", {"stopReason": turn.stop_reason})
    metrics = {"latencyMs": elapsed_ms(started)}
    yield event("metadata", {"usage": turn.usage, "metrics": metrics})
