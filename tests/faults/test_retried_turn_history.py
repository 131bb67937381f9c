"""Issue 13, item 2: message A fails, B succeeds, A is retried with its key. The model
must see the history as of A's own position (never A and B merged), A's workout must be
logged, and a message left unanswered must not corrupt later turns."""

from __future__ import annotations

from typing import Any

from agent.events import ErrorEvent
from tests.fakes.bedrock import FakeBedrock
from tests.faults.conftest import USER


def _texts(fake: FakeBedrock, index: int) -> list[tuple[str, str]]:
    """(role, text) of each message of one recorded request."""
    return [
        (m["role"], " ".join(b.get("text", "") for b in m["content"] if "text" in b))
        for m in fake.requests[index].messages
    ]


async def test_a_retried_turn_sees_the_history_as_of_its_own_position(
    fake: FakeBedrock, bedrock_turns: Any
) -> None:
    store, turns, coach_id, conversation_id = bedrock_turns
    for _ in range(3):
        fake.add_error(503, "ServiceUnavailableException")
    failed = [
        e async for e in turns.stream(USER, coach_id, conversation_id, "rowed 2000m in 7:41", "a")
    ]
    assert isinstance(failed[-1], ErrorEvent)
    fake.add_text("Doing well, thanks!")
    await turns.run(USER, coach_id, conversation_id, "how are you?", "b")
    first_retry_request = len(fake.requests)
    fake.add_tool_call("log_workout", {})
    fake.add_text("Logged your 2k row in 7:41.")
    retried = await turns.run(USER, coach_id, conversation_id, "rowed 2000m in 7:41", "a")
    assert len(retried.workouts) == 1
    sent = _texts(fake, first_retry_request)
    assert sent[-1] == ("user", "rowed 2000m in 7:41")
    assert all("how are you?" not in text for _, text in sent)


async def test_an_unanswered_message_stays_its_own_turn_in_later_prompts(
    fake: FakeBedrock, bedrock_turns: Any
) -> None:
    store, turns, coach_id, conversation_id = bedrock_turns
    for _ in range(3):
        fake.add_error(503, "ServiceUnavailableException")
    [e async for e in turns.stream(USER, coach_id, conversation_id, "first message", "a")]
    fake.add_text("Here now.")
    await turns.run(USER, coach_id, conversation_id, "second message", "b")
    sent = _texts(fake, len(fake.requests) - 1)
    roles = [role for role, _ in sent]
    assert roles == ["user", "assistant", "user"], sent
    assert sent[0][1] == "first message" and sent[-1] == ("user", "second message")
