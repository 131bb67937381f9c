"""What a turn through the real ChatBedrockConverse (against the fake Converse server)
sends: a bounded, always valid history window, the summary and this coach's memories.
"""

from __future__ import annotations

import json
from typing import Any

from agent.events import ErrorEvent
from storage.models import CoachConfig, Memory, Summary
from tests.agent.turn_bedrock.conftest import USER
from tests.fakes.bedrock import FakeBedrock, RecordedRequest, forced_tool_name


def _chat_requests(fake: FakeBedrock) -> list[RecordedRequest]:
    """The agent's own calls: summaries and structured output force a tool."""
    return [r for r in fake.requests if forced_tool_name(r.body) is None]


async def test_history_window_is_bounded(fake: FakeBedrock, setup: Any) -> None:
    store, turns, coach_id, conversation_id = setup
    for i in range(4):
        fake.add_text(f"reply {i}")
        await turns.run(USER, coach_id, conversation_id, f"message {i}")
        await turns.drain()  # a due summary runs now, against an empty script
    fake.add_text("last")
    await turns.run(USER, coach_id, conversation_id, "final message")
    sent = _chat_requests(fake)[-1].messages
    assert len(sent) == 5  # 4 history messages + the new one
    assert "final message" in json.dumps(sent[-1])


async def test_a_failed_turn_and_a_cut_window_still_send_a_valid_conversation(
    fake: FakeBedrock, setup: Any
) -> None:
    """The fake applies Bedrock's rules: start with the user, alternate roles."""
    store, turns, coach_id, conversation_id = setup
    for i in range(2):
        fake.add_text(f"reply {i}")
        await turns.run(USER, coach_id, conversation_id, f"message {i}")
    for _ in range(3):
        fake.add_error(503, "ServiceUnavailableException")
    await turns.drain()
    failed = [e async for e in turns.stream(USER, coach_id, conversation_id, "lost reply")]
    assert isinstance(failed[-1], ErrorEvent)
    # Stored: m0 r0 m1 r1 "lost reply"; a window of 4 would open with "reply 0".
    fake.add_text("Back on track.")
    result = await turns.run(USER, coach_id, conversation_id, "are you there?")
    assert result.reply.content == "Back on track."
    sent = _chat_requests(fake)[-1].messages
    assert sent[0]["role"] == "user" and "message 1" in json.dumps(sent[0])
    # The unanswered message stays its own turn (never merged into the next one).
    assert "lost reply" in json.dumps(sent[-3]) and sent[-2]["role"] == "assistant"
    assert "are you there?" in json.dumps(sent[-1]) and "lost reply" not in json.dumps(sent[-1])


async def test_prompt_carries_summary_and_only_this_coachs_memories(
    fake: FakeBedrock, setup: Any
) -> None:
    store, turns, coach_id, conversation_id = setup
    await store.put_summary(
        Summary(
            summary_id="s-1",
            user_id=USER,
            coach_id=coach_id,
            conversation_id=conversation_id,
            summary_text="Training for an April marathon; long runs on Sundays.",
        )
    )
    await store.add_memory(
        Memory(memory_id="m-mine", user_id=USER, coach_id=coach_id, content="Likes blunt feedback.")
    )
    await store.create_coach(CoachConfig(user_id=USER, coach_id="other-coach", coach_name="Kim"))
    await store.add_memory(
        Memory(memory_id="m-other", user_id=USER, coach_id="other-coach", content="Loves yoga.")
    )
    await store.add_memory(Memory(memory_id="m-global", user_id=USER, content="Has two kids."))
    fake.add_text("Hi.")
    await turns.run(USER, coach_id, conversation_id, "hi")
    system = fake.system_text(-1)
    assert "April marathon" in system
    assert "Likes blunt feedback." in system and "Has two kids." in system
    assert "Loves yoga." not in system
