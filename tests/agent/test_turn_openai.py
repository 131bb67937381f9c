"""The chat turn through the real ChatOpenAI code (`openai:<model>`), against a fake
OpenAI-compatible server: what Ollama, vLLM or LM Studio would be sent and answer."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from agent.chat_models import build_chat_model, close_chat_model
from agent.events import DoneEvent, TokenEvent
from agent.tools import TOOLS
from tests.factories import local_store, runner, seed_athlete
from tests.fakes.openai import Completion, FakeOpenAI

USER = "athlete-1"


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as fake:
        yield fake


@pytest.fixture
def fake(server: FakeOpenAI) -> FakeOpenAI:
    server.reset()
    return server


@pytest.fixture
async def setup(tmp_path: Path, fake: FakeOpenAI) -> AsyncIterator[Any]:
    store = await local_store(tmp_path)
    coach_id, conversation_id = await seed_athlete(store, USER)
    model = build_chat_model("openai:llama3.1", openai_base_url=fake.base_url, timeout_s=5)
    turns = runner(store, model, "openai:llama3.1", history_window=4, summary_every=1000)
    yield store, turns, coach_id, conversation_id
    await turns.drain()
    await close_chat_model(model)


async def _turn(setup: Any, text: str) -> tuple[str, Any]:
    _, turns, coach_id, conversation_id = setup
    events = [e async for e in turns.stream(USER, coach_id, conversation_id, text)]
    assert isinstance(events[-1], DoneEvent), events[-1]
    return "".join(e.text for e in events if isinstance(e, TokenEvent)), events[-1].result


async def test_ordinary_turn_streams_and_sends_the_coach_context(
    fake: FakeOpenAI, setup: Any
) -> None:
    fake.add(Completion(text="Hey Sam, what did you train today?"))
    streamed, result = await _turn(setup, "hi coach")
    assert streamed == result.reply.content == "Hey Sam, what did you train today?"
    assert result.usage.model_calls == 1 and result.usage.output_tokens > 0
    (request,) = fake.requests
    assert request["stream"] is True and request["model"] == "llama3.1"
    assert request["stream_options"] == {"include_usage": True}  # or no token counts
    system = request["messages"][0]  # a plain string: no Bedrock cache-point blocks
    assert system["role"] == "system" and "Coach Riley" in system["content"]
    assert request["messages"][-1] == {"role": "user", "content": "hi coach"}
    assert [t["function"]["name"] for t in request["tools"]] == [t.name for t in TOOLS]


async def test_workout_turn_calls_the_tool_and_confirms_what_was_logged(
    fake: FakeOpenAI, setup: Any
) -> None:
    store = setup[0]
    fake.add(
        Completion(tool="log_workout", arguments={}),
        Completion(text="Logged Fran in 8:57 at 95 lb. Strong work!"),
    )
    _, result = await _turn(setup, "Did Fran in 8:57 with 95 lb thrusters")
    assert [w.workout_name for w in result.workouts] == ["Fran"]
    assert result.usage.model_calls == 2  # the deterministic draft was complete
    tool_reply = fake.requests[1]["messages"][-1]
    assert tool_reply["role"] == "tool" and tool_reply["tool_call_id"] == "call_fake_1"
    assert "Fran" in tool_reply["content"]
    assert (await store.list_workouts(USER)).items[0].workout_id == result.workouts[0].workout_id


async def test_a_new_memory_is_consolidated_with_structured_output(
    fake: FakeOpenAI, setup: Any
) -> None:
    decision = {
        "action": "ADD",
        "content": "Has a bad left knee.",
        "memory_type": "constraint",
        "importance": "high",
        "scope": "global",
    }
    fake.add(Completion(text=json.dumps(decision)), Completion(text="Noted, I'll go easy on it."))
    _, result = await _turn(setup, "remember that I have a bad left knee")
    assert [m.content for m in result.memories.saved] == ["Has a bad left knee."]
    assert fake.requests[0]["response_format"]["type"] == "json_schema"


async def test_rate_limited_then_answered(fake: FakeOpenAI, setup: Any) -> None:
    fake.add(Completion(status=429), Completion(text="Back again. Ready?"))
    _, result = await _turn(setup, "hello")
    assert result.reply.content == "Back again. Ready?"
    assert result.usage.model_calls == 2 and len(fake.requests) == 2
