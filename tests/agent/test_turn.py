"""The chat turn end to end with the offline engine and the local store (no server at all)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from agent.errors import MessageRejected
from agent.events import DoneEvent, ErrorEvent, MemoryEvent, TokenEvent, WorkoutEvent
from agent.offline import OfflineCoachModel
from api.errors import status_of
from storage.errors import NotFound
from storage.protocols import Store
from storage.repository import Repository
from tests.factories import BrokenModel, local_store, runner, seed_athlete

USER = "athlete-1"


@pytest.fixture
async def store(tmp_path: Path) -> Repository:
    return await local_store(tmp_path)


@pytest.fixture
async def chat(store: Store) -> AsyncIterator[Any]:
    coach_id, conversation_id = await seed_athlete(store, USER)
    turns = runner(store, OfflineCoachModel(), summary_every=4)

    async def send(text: str, **kwargs: Any) -> Any:
        result = await turns.run(USER, coach_id, conversation_id, text, **kwargs)
        await turns.drain()
        return result

    send.turns = turns  # type: ignore[attr-defined]
    send.ids = (coach_id, conversation_id)  # type: ignore[attr-defined]
    yield send
    await turns.drain()


async def test_greeting_is_one_model_call_and_persisted(chat: Any, store: Repository) -> None:
    result = await chat("hey coach!")
    assert "Sam" in result.reply.content
    assert result.workouts == [] and result.usage.model_calls == 1
    coach_id, conversation_id = chat.ids
    messages = await store.latest_messages(USER, conversation_id, 10)
    assert [m.role for m in messages] == ["user", "assistant"]
    assert messages[1].content == result.reply.content
    transcript = await store.documents.get(f"athletes/{USER}/conversations/{conversation_id}.json")
    assert transcript is not None
    assert [m["content"] for m in transcript["messages"]][-1] == result.reply.content


async def test_workout_logged_and_confirmed_in_same_reply(chat: Any, store: Repository) -> None:
    result = await chat("Did Fran in 8:57 with 95 lb thrusters, RX")
    assert len(result.workouts) == 1
    workout = result.workouts[0]
    assert workout.workout_name == "Fran" and workout.discipline == "crossfit"
    assert "Fran" in result.reply.content and "8:57" in result.reply.content
    assert result.usage.model_calls == 2
    stored = await store.get_workout(USER, workout.workout_id or "")
    assert (
        stored.workout_data["discipline_specific"]["crossfit"]["performance_data"]["total_time"]
        == 537
    )
    doc = await store.documents.get(
        f"athletes/{USER}/workouts/{stored.date}/{stored.workout_id}.json"
    )
    assert doc is not None


async def test_same_workout_twice_is_logged_once_but_two_sessions_are_two(chat: Any) -> None:
    first = await chat("squats 5x5 @ 225 this morning")
    again = await chat("squats 5x5 @ 225 this morning")
    assert len(first.workouts) == 1 and again.workouts == []
    assert "already" in again.reply.content.lower()
    both = await chat("ran 5k in 24:10 this morning, then rowed 2000m in 7:45 in the evening")
    assert len(both.workouts) == 2


async def test_personal_record_is_recognised(chat: Any) -> None:
    await chat("deadlift 3x5 at 315 yesterday")
    result = await chat("deadlift 3x3 at 335 today")
    prs = result.workouts[0].pr_achievements or []
    assert prs and prs[0].exercise == "deadlift" and prs[0].new_best == 335
    assert "personal record" in result.reply.content.lower()


async def test_plan_question_goal_log_nothing(chat: Any) -> None:
    for text in ("tomorrow I'm doing Fran", "what's a good Fran time?", "I want to deadlift 500"):
        result = await chat(text)
        assert result.workouts == [], text
        # a goal is kept as a memory and compared with the bests (one tool call)
        assert result.usage.model_calls == (2 if "want" in text else 1)


async def test_memory_saved_used_next_turn_and_forgotten(chat: Any, store: Repository) -> None:
    saved = await chat("remember that I have a bad left shoulder")
    assert len(saved.memories.saved) == 1
    memory = saved.memories.saved[0]
    assert "shoulder" in memory.content.lower() and memory.scope == "global"
    assert (await store.list_memories(USER)).items[0].content == memory.content

    recall = await chat("what do you remember about me?")
    assert "shoulder" in recall.reply.content.lower()
    [used] = (await store.list_memories(USER)).items  # counted by the reply's commit
    assert used.metadata.usage_count == 1 and used.metadata.last_used is not None

    duplicate = await chat("remember that I have a bad left shoulder")
    assert duplicate.memories.saved == [] and duplicate.usage.model_calls == 1

    forgot = await chat("you can forget about my shoulder thing")
    assert [f.memory_id for f in forgot.memories.forgotten] == [memory.memory_id]
    assert (await store.list_memories(USER)).items == []

    nothing = await chat("forget that I hate burpees")
    assert nothing.memories.forgotten == []
    assert "nothing was removed" in nothing.reply.content


async def test_events_stream_tokens_then_workout_then_done(chat: Any) -> None:
    coach_id, conversation_id = chat.ids
    events = [
        e
        async for e in chat.turns.stream(USER, coach_id, conversation_id, "ran 10k in 52:30 today")
    ]
    kinds = [type(e) for e in events]
    assert kinds.count(TokenEvent) > 1
    assert kinds[-1] is DoneEvent and WorkoutEvent in kinds
    assert kinds.index(WorkoutEvent) > kinds.index(TokenEvent)
    text = "".join(e.text for e in events if isinstance(e, TokenEvent))
    assert text == events[-1].result.reply.content


async def test_memory_event_is_reported(chat: Any) -> None:
    coach_id, conversation_id = chat.ids
    events = [
        e
        async for e in chat.turns.stream(
            USER, coach_id, conversation_id, "keep in mind I only have dumbbells at home"
        )
    ]
    memory_events = [e for e in events if isinstance(e, MemoryEvent)]
    assert [e.action for e in memory_events] == ["saved"]


async def test_idempotent_retry_returns_first_result_and_logs_once(
    chat: Any, store: Repository
) -> None:
    first = await chat("bench 3x8 at 185", client_message_id="m-1")
    second = await chat("bench 3x8 at 185", client_message_id="m-1")
    assert second == first
    coach_id, conversation_id = chat.ids
    assert len(await store.latest_messages(USER, conversation_id, 10)) == 2
    assert len((await store.list_workouts(USER)).items) == 1


async def test_racing_retries_run_the_turn_once(chat: Any, store: Repository) -> None:
    import asyncio

    coach_id, conversation_id = chat.ids
    results = await asyncio.gather(
        *(
            chat.turns.run(USER, coach_id, conversation_id, "row 2000m in 7:40", "race-1")
            for _ in range(5)
        )
    )
    assert all(r == results[0] for r in results)
    assert len((await store.list_workouts(USER)).items) == 1


async def test_bad_input_is_rejected_before_any_write(chat: Any, store: Repository) -> None:
    coach_id, conversation_id = chat.ids
    with pytest.raises(MessageRejected):
        await chat.turns.run(USER, coach_id, conversation_id, "   ")
    with pytest.raises(MessageRejected):
        await chat.turns.run(USER, coach_id, conversation_id, "x" * 5000)
    with pytest.raises(NotFound):
        await chat.turns.run("someone-else", coach_id, conversation_id, "hi")
    assert await store.latest_messages(USER, conversation_id, 10) == []


async def test_model_failure_keeps_the_message_and_allows_retry(store: Store) -> None:
    coach_id, conversation_id = await seed_athlete(store, USER)
    broken = BrokenModel()
    turns = runner(store, broken, "broken", max_attempts=2)
    events = [e async for e in turns.stream(USER, coach_id, conversation_id, "hello", "c-1")]
    assert isinstance(events[-1], ErrorEvent) and events[-1].code == "model_unavailable"
    assert broken.calls == 2
    kept = await store.latest_messages(USER, conversation_id, 10)
    assert [m.content for m in kept] == ["hello"]
    healthy = runner(store, OfflineCoachModel())
    result = await healthy.run(USER, coach_id, conversation_id, "hello", "c-1")
    assert result.message_id == kept[0].message_id
    assert len(await store.latest_messages(USER, conversation_id, 10)) == 2


async def test_summary_is_made_after_enough_messages(chat: Any, store: Repository) -> None:
    await chat("keep in mind I'm training for a marathon in April")
    await chat("ran 8 miles easy yesterday in 1:12:00")
    await chat("how should I pace my long runs?")
    coach_id, conversation_id = chat.ids
    summary = await store.get_summary(USER, conversation_id)
    assert summary is not None
    assert summary.metadata.trigger_reason in ("message_count", "window_overflow")
    assert summary.metadata.message_range.total_messages >= 4
    assert any("marathon" in g for g in summary.structured_data.key_facts.current_goals)


async def test_today_is_the_athletes_date(store: Store) -> None:
    coach_id, conversation_id = await seed_athlete(store, USER, timezone="Pacific/Kiritimati")
    turns = runner(store, OfflineCoachModel())
    result = await turns.run(USER, coach_id, conversation_id, "ran 5k yesterday in 25:00")
    local_today = datetime.now(UTC).astimezone(ZoneInfo("Pacific/Kiritimati")).date()
    assert result.workouts[0].date == local_today - timedelta(days=1)


async def test_quick_turns_do_not_summarise_the_same_stretch_twice(store: Store) -> None:
    coach_id, conversation_id = await seed_athlete(store, USER)
    turns = runner(store, OfflineCoachModel(), summary_every=4, history_window=50)
    for i in range(6):  # 12 messages, no pause for the background summaries
        await turns.run(USER, coach_id, conversation_id, f"ran {i + 3}k easy today")
    await turns.drain()
    summary = await store.get_summary(USER, conversation_id)
    assert summary is not None
    # A summary covers what was stored when it ran (a later turn may be half-way in).
    assert summary.metadata.message_range.total_messages >= 8
    assert summary.version <= 3  # at most one write per 4 messages


async def test_store_failure_at_commit_keeps_the_message_and_frees_the_retry(
    store: Store,
) -> None:
    from storage.errors import StorageUnavailable

    coach_id, conversation_id = await seed_athlete(store, USER)
    real_commit = store.commit_turn
    calls = 0

    async def flaky_commit(commit: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise StorageUnavailable("table throttled")
        await real_commit(commit)

    store.commit_turn = flaky_commit  # type: ignore[method-assign]
    turns = runner(store, OfflineCoachModel())
    events = [e async for e in turns.stream(USER, coach_id, conversation_id, "row 2k in 7:40", "k")]
    assert isinstance(events[-1], ErrorEvent)
    assert (events[-1].code, status_of(events[-1].code)) == ("storage_unavailable", 503)
    assert (await store.list_workouts(USER)).items == []
    retried = await turns.run(USER, coach_id, conversation_id, "row 2k in 7:40", "k")
    assert len(retried.workouts) == 1
    assert len(await store.latest_messages(USER, conversation_id, 10)) == 2
    await turns.drain()


async def test_a_conversation_is_named_by_its_first_substantive_exchange(
    chat: Any, store: Repository
) -> None:
    coach_id, conversation_id = chat.ids
    await chat("hey coach!")
    assert (await store.get_conversation(USER, coach_id, conversation_id)).title == (
        "New conversation"
    )
    await chat("back squat 5x5 at 100kg today")
    await chat("keep in mind I'm training for a marathon in April")
    named = await store.get_conversation(USER, coach_id, conversation_id)
    assert named.title == "Back squat 5×5 @ 100 kg"


async def test_a_renamed_conversation_keeps_its_name(chat: Any, store: Repository) -> None:
    coach_id, conversation_id = chat.ids
    await store.rename_conversation(USER, coach_id, conversation_id, "Squat block")
    await chat("back squat 5x5 at 100kg today")
    assert (await store.get_conversation(USER, coach_id, conversation_id)).title == "Squat block"


async def test_a_summary_drops_what_the_athlete_asked_to_forget(
    chat: Any, store: Repository
) -> None:
    await chat("remember that my left knee gets sore on long downhill runs")
    await chat("how was your weekend?")
    coach_id, conversation_id = chat.ids
    summary = await store.get_summary(USER, conversation_id)
    assert summary is not None
    assert summary.structured_data.key_facts.constraints == [
        "Their left knee gets sore on long downhill runs."
    ]
    assert summary.structured_data.action_items == []
    await chat("forget the knee thing, it's fine now")
    await chat("ran 5k easy today in 26:00")
    summary = await store.get_summary(USER, conversation_id)
    assert summary is not None and summary.metadata.message_range.total_messages == 8
    assert summary.structured_data.key_facts.constraints == []
    assert "knee" not in summary.summary_text
    [progress] = summary.structured_data.key_facts.recent_progress
    assert progress.endswith("5 km easy run in 26:00 (5:12/km)")
