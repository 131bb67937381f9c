"""Summaries through the real ChatBedrockConverse (against the fake Converse server):
written by the model, their fallback, and the conversation's title.
"""

from __future__ import annotations

import json
from typing import Any

from storage.models import Memory
from tests.agent.turn_bedrock.conftest import USER
from tests.fakes.bedrock import FakeBedrock, RecordedRequest, Reply, ToolUse, forced_tool_name

SUMMARY = {
    "narrative_summary": "Sam is building toward a spring marathon and trains mornings.",
    "key_facts": {"current_goals": ["spring marathon"], "schedule_context": ["mornings"]},
    "emotional_state": "motivated",
    "action_items": [],
}


def _summary_requests(fake: FakeBedrock) -> list[RecordedRequest]:
    return [r for r in fake.requests if forced_tool_name(r.body) == "SummaryOut"]


async def _overflow_the_window(fake: FakeBedrock, setup: Any) -> None:
    """Three turns: six messages no longer fit the window of four, so a summary is due."""
    _, turns, coach_id, conversation_id = setup
    for i in range(3):
        fake.add_text(f"reply {i}")
        await turns.run(USER, coach_id, conversation_id, f"I train mornings, message {i}")
        await turns.drain()


async def test_a_due_summary_is_written_by_the_model(fake: FakeBedrock, setup: Any) -> None:
    store, _, _, conversation_id = setup
    fake.handler = lambda body: (
        Reply(tool_uses=(ToolUse("SummaryOut", SUMMARY),))
        if forced_tool_name(body) == "SummaryOut"
        else None
    )
    await _overflow_the_window(fake, setup)
    [request] = _summary_requests(fake)
    assert "message 0" in json.dumps(request.messages)
    summary = await store.get_summary(USER, conversation_id)
    assert summary is not None
    assert summary.summary_text == SUMMARY["narrative_summary"]
    assert summary.structured_data.key_facts.current_goals == ["spring marathon"]
    assert summary.metadata.confidence == 0.85
    assert summary.metadata.trigger_reason == "window_overflow"


async def test_a_summary_answered_in_plain_text_falls_back_to_the_extractive_one(
    fake: FakeBedrock, setup: Any
) -> None:
    """Asking again would likely get the same answer, one more model call every turn."""
    store, turns, coach_id, conversation_id = setup
    fake.handler = lambda body: (
        Reply(text="Sam trains in the mornings.") if forced_tool_name(body) else None
    )
    await _overflow_the_window(fake, setup)
    summary = await store.get_summary(USER, conversation_id)
    assert summary is not None and summary.metadata.confidence == 0.6
    assert any("mornings" in fact for fact in summary.structured_data.key_facts.schedule_context)
    fake.add_text("reply 3")
    await turns.run(USER, coach_id, conversation_id, "one more")
    await turns.drain()
    assert len(_summary_requests(fake)) == 1


async def test_a_summary_is_told_the_memories_and_logged_workouts_and_names_the_chat(
    fake: FakeBedrock, setup: Any
) -> None:
    """The first summary names the conversation in the same call: no call for a title."""
    store, turns, coach_id, conversation_id = setup
    answer = {
        **SUMMARY,
        "key_facts": {
            "current_goals": ["spring marathon"],
            "constraints": ["Has a bad left knee."],
            "recent_progress": ["Ran a marathon in 2:30"],
        },
        "action_items": ["Ask about the weekend", "Send a taper plan"],
        "title": "Marathon build with morning runs",
    }
    fake.handler = lambda body: (
        Reply(tool_uses=(ToolUse("SummaryOut", answer),))
        if forced_tool_name(body) == "SummaryOut"
        else None
    )
    await store.add_memory(Memory(memory_id="m-knee", user_id=USER, content="Has a bad left knee."))
    fake.add_tool_call("log_workout", {})
    fake.add_text("Nice run.")
    await turns.run(USER, coach_id, conversation_id, "I train mornings. Ran 5k today in 25:00")
    await turns.drain()
    assert (await store.get_conversation(USER, coach_id, conversation_id)).title == "5 km run"
    fake.add_text("Done.")
    await turns.run(USER, coach_id, conversation_id, "forget the knee thing")
    fake.add_text("Sure.")
    await turns.run(USER, coach_id, conversation_id, "thanks, how was your weekend?")
    await turns.drain()
    [request] = _summary_requests(fake)
    sent = json.dumps(request.messages)
    assert "5 km run in 25:00" in sent  # the logged workout, from the store
    assert "forget the knee thing" in sent and "Also give `title`" in sent
    summary = await store.get_summary(USER, conversation_id)
    assert summary is not None
    facts = summary.structured_data.key_facts
    assert facts.constraints == []  # forgotten, though the model kept it
    assert facts.recent_progress[0].endswith("5 km run in 25:00 (5:00/km)")
    assert summary.structured_data.action_items == ["Send a taper plan"]
    named = await store.get_conversation(USER, coach_id, conversation_id)
    assert named.title == "Marathon build with morning runs"
    model_calls = [r for r in fake.requests if forced_tool_name(r.body) is None]
    assert len(fake.requests) == len(model_calls) + 1  # the title cost no call of its own


async def test_a_model_title_never_replaces_the_athletes(fake: FakeBedrock, setup: Any) -> None:
    store, _, coach_id, conversation_id = setup
    await store.rename_conversation(USER, coach_id, conversation_id, "My marathon")
    fake.handler = lambda body: (
        Reply(tool_uses=(ToolUse("SummaryOut", {**SUMMARY, "title": "Mornings"}),))
        if forced_tool_name(body) == "SummaryOut"
        else None
    )
    await _overflow_the_window(fake, setup)
    assert len(_summary_requests(fake)) == 1
    assert (await store.get_conversation(USER, coach_id, conversation_id)).title == "My marathon"
