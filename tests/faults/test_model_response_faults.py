"""Issue 13, item 7: a Converse reply cut off halfway, or garbage, is retried like
throttling; one deadline bounds the whole turn, and its expiry keeps the message."""

from __future__ import annotations

from typing import Any

from agent.events import ErrorEvent
from tests.factories import runner
from tests.fakes.bedrock import FakeBedrock
from tests.faults.conftest import USER, bedrock_model


async def test_a_converse_reply_cut_off_halfway_is_retried(
    fake: FakeBedrock, bedrock_turns: Any
) -> None:
    store, turns, coach_id, conversation_id = bedrock_turns
    fake.add_broken_stream("Half a rep", mode="truncate")
    fake.add_text("A whole reply.")
    result = await turns.run(USER, coach_id, conversation_id, "hello")
    assert result.reply.content == "A whole reply." and len(fake.requests) == 2


async def test_a_garbage_converse_reply_is_retried(fake: FakeBedrock, bedrock_turns: Any) -> None:
    store, turns, coach_id, conversation_id = bedrock_turns
    fake.add_broken_stream(mode="garbage")
    fake.add_text("A whole reply.")
    result = await turns.run(USER, coach_id, conversation_id, "hello")
    assert result.reply.content == "A whole reply." and len(fake.requests) == 2


async def test_one_deadline_bounds_the_whole_turn_and_keeps_the_message(
    fake: FakeBedrock, bedrock_turns: Any
) -> None:
    store, turns, coach_id, conversation_id = bedrock_turns
    slow = runner(store, bedrock_model(fake), "bedrock", turn_deadline_s=0.5, max_attempts=3)
    for _ in range(3):  # three slow failures outlast the deadline
        fake.add_error(503, "ServiceUnavailableException", delay_s=0.3)
    events = [e async for e in slow.stream(USER, coach_id, conversation_id, "hello", "k-1")]
    assert isinstance(events[-1], ErrorEvent) and events[-1].code == "turn_timeout"
    kept = await store.latest_messages(USER, conversation_id, 5)
    assert [m.content for m in kept] == ["hello"]
    await slow.drain()
