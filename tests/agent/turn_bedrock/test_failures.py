"""Model failures in a turn through the real ChatBedrockConverse (against the fake Converse
server): throttling, permanent failures and streams that break mid-reply.
"""

from __future__ import annotations

from typing import Any

import pytest

from agent.events import ErrorEvent, TokenEvent
from api.errors import status_of
from tests.agent.turn_bedrock.conftest import USER
from tests.fakes.bedrock import FakeBedrock


async def test_throttling_then_success(fake: FakeBedrock, setup: Any) -> None:
    store, turns, coach_id, conversation_id = setup
    fake.add_error(429, "ThrottlingException")
    fake.add_text("All good.")
    result = await turns.run(USER, coach_id, conversation_id, "hello")
    assert result.reply.content == "All good."
    assert result.usage.model_calls == 2 and len(fake.requests) == 2


async def test_permanent_failure_is_clear_and_keeps_the_message(
    fake: FakeBedrock, setup: Any
) -> None:
    store, turns, coach_id, conversation_id = setup
    for _ in range(3):
        fake.add_error(503, "ServiceUnavailableException")
    events = [e async for e in turns.stream(USER, coach_id, conversation_id, "hello there")]
    assert isinstance(events[-1], ErrorEvent)
    assert events[-1].code == "model_unavailable" and status_of(events[-1].code) == 503
    kept = await store.latest_messages(USER, conversation_id, 5)
    assert [m.content for m in kept] == ["hello there"]


async def test_stream_breaking_mid_reply_is_retried(fake: FakeBedrock, setup: Any) -> None:
    store, turns, coach_id, conversation_id = setup
    fake.add_broken_stream("Half a rep")
    fake.add_text("A whole reply.")
    result = await turns.run(USER, coach_id, conversation_id, "hello")
    assert result.reply.content == "A whole reply."
    messages = await store.latest_messages(USER, conversation_id, 5)
    assert messages[-1].content == "A whole reply."


@pytest.mark.parametrize(
    ("broken", "retried", "streamed"),
    [
        # The retry repeats the broken text: the stream goes on from it.
        (
            "Good squats. Next ",
            "Good squats. Next week we add 5 lb.",
            "Good squats. Next week we add 5 lb.",
        ),
        # It says something else: no event takes tokens back, so they stop there and
        # `done` carries the reply as stored.
        ("Half a rep", "A whole reply.", "Half a rep"),
    ],
)
async def test_a_retried_stream_never_repeats_or_garbles_tokens(
    fake: FakeBedrock, setup: Any, broken: str, retried: str, streamed: str
) -> None:
    _, turns, coach_id, conversation_id = setup
    fake.add_broken_stream(broken)
    fake.add_text(retried)
    events = [e async for e in turns.stream(USER, coach_id, conversation_id, "hello")]
    assert "".join(e.text for e in events if isinstance(e, TokenEvent)) == streamed
