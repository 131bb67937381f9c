"""A plain reply through the real ChatBedrockConverse (against the fake Converse server)
carries the coach's context out and streams back, or comes whole for a JSON reply.
"""

from __future__ import annotations

from typing import Any

from agent.events import TokenEvent
from agent.tools import TOOLS
from tests.agent.turn_bedrock.conftest import USER
from tests.fakes.bedrock import FakeBedrock


async def test_ordinary_turn_sends_coach_context_and_streams(fake: FakeBedrock, setup: Any) -> None:
    store, turns, coach_id, conversation_id = setup
    fake.add_text("Hey Sam, good to see you. What did you train today?")
    events = [e async for e in turns.stream(USER, coach_id, conversation_id, "hi coach")]
    tokens = [e.text for e in events if isinstance(e, TokenEvent)]
    assert len(tokens) > 1
    result = events[-1].result
    assert result.reply.content == "Hey Sam, good to see you. What did you train today?"
    assert result.usage.model_calls == 1 and result.usage.output_tokens > 0
    assert len(fake.requests) == 1
    request = fake.requests[0]
    assert request.operation == "converse-stream"
    system = fake.system_text(0)
    assert "Coach Riley" in system and "general" in system.lower()
    assert any("cachePoint" in block for block in request.system)
    assert fake.tool_names(0) == [t.name for t in TOOLS]
    # No arguments to fill in: the tool reads the athlete's message from the turn.
    spec = request.tool_config["tools"][0]["toolSpec"]  # type: ignore[index]
    assert spec["inputSchema"]["json"]["properties"] == {}
    assert "Every session the message reports is logged" in spec["description"]


async def test_a_turn_run_to_completion_does_not_stream(fake: FakeBedrock, setup: Any) -> None:
    """A JSON reply needs no tokens: Converse, not ConverseStream, and no token events."""
    _, turns, coach_id, conversation_id = setup
    fake.add_text("Nice work today.")
    events = [e async for e in turns.stream(USER, coach_id, conversation_id, "hi", tokens=False)]
    assert [type(e).__name__ for e in events] == ["DoneEvent"]
    assert events[0].result.reply.content == "Nice work today."
    assert [r.operation for r in fake.requests] == ["converse"]
