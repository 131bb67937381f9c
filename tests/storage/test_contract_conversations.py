"""The store contract on every backend (`store` in conftest): conversations, their turns
and their messages.
"""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from storage.errors import Conflict, NotFound, PayloadTooLarge
from storage.models import Summary
from storage.repository import Repository
from storage.turn_writes import TurnCommit
from tests.storage.builders import (
    COACH,
    CONVERSATION,
    USER,
    Outcome,
    coach,
    conversation,
    lifted,
    memory,
    message,
    seed_conversation,
    seed_messages,
)
from tests.storage.reads import calls, collect


async def test_conversation_needs_its_coach(store: Repository) -> None:
    with pytest.raises(NotFound):
        await store.create_conversation(conversation())
    await store.create_coach(coach())
    with pytest.raises(NotFound):
        await store.get_conversation(USER, COACH, CONVERSATION)
    await store.create_conversation(conversation())
    with pytest.raises(Conflict):
        await store.create_conversation(conversation())


async def test_rename_conversation(store: Repository) -> None:
    await seed_conversation(store)
    renamed = await store.rename_conversation(USER, COACH, CONVERSATION, "Squats")
    assert (renamed.title, renamed.version) == ("Squats", 2)
    with pytest.raises(NotFound):
        await store.rename_conversation(USER, COACH, "nope", "x")


async def test_rename_at_a_version_loses_to_any_change_since(store: Repository) -> None:
    """An automatic title is written only if nothing (a rename, a message) came first."""
    await seed_conversation(store)
    read = await store.get_conversation(USER, COACH, CONVERSATION)
    await store.rename_conversation(USER, COACH, CONVERSATION, "Mine")
    with pytest.raises(Conflict):
        await store.rename_conversation(USER, COACH, CONVERSATION, "Auto", version=read.version)
    now = await store.get_conversation(USER, COACH, CONVERSATION)
    assert now.title == "Mine"
    titled = await store.rename_conversation(USER, COACH, CONVERSATION, "Auto", version=now.version)
    assert titled.title == "Auto"


async def test_begin_turn_is_idempotent_per_client_message_id(store: Repository) -> None:
    await seed_conversation(store)
    first = await store.begin_turn(USER, message(1, client_id="k1"))
    again = await store.begin_turn(USER, message(2, client_id="k1"))

    assert first.created and not again.created
    assert again.state.user_message_id == first.state.user_message_id == "m000001"
    assert again.state.status == "pending"
    assert [m.message_id for m in await store.latest_messages(USER, CONVERSATION, 10)] == [
        "m000001"
    ]
    stored = await store.get_conversation(USER, COACH, CONVERSATION)
    assert stored.metadata.total_messages == 1
    assert stored.metadata.last_activity is not None


async def test_begin_turn_needs_the_conversation(store: Repository) -> None:
    await store.create_coach(coach())
    with pytest.raises(NotFound):
        await store.begin_turn(USER, message(1, client_id="k1"))
    assert await store.get_turn(USER, CONVERSATION, "k1") is None
    assert await store.latest_messages(USER, CONVERSATION, 10) == []


async def test_commit_turn_writes_everything_at_once(store: Repository) -> None:
    await seed_conversation(store)
    await store.begin_turn(USER, message(1, client_id="k1"))
    old = await store.add_memory(memory(1))
    gone = await store.add_memory(memory(2))
    await store.commit_turn(
        TurnCommit(
            user_id=USER,
            coach_id=COACH,
            conversation_id=CONVERSATION,
            reply=message(2, role="assistant", content="Logged it."),
            workouts=[lifted("2025-01-05")],
            memory_puts=[memory(3), old.model_copy(update={"content": "changed"})],
            memory_deletes=[gone],
            client_message_id="k1",
            result=Outcome.model_validate({"reply": "Logged it.", "score": 0.5}),
        )
    )

    turn = await store.get_turn(USER, CONVERSATION, "k1")
    assert turn is not None
    assert (turn.status, turn.result) == ("done", {"reply": "Logged it.", "score": 0.5})
    assert len(await store.latest_messages(USER, CONVERSATION, 10)) == 2
    assert (await store.get_conversation(USER, COACH, CONVERSATION)).metadata.total_messages == 2
    assert (await store.get_workout(USER, "20250105-001")).version == 1
    assert [(r.exercise, r.value) for r in await store.list_records(USER)] == [
        ("back_squat", 100.0)
    ]
    assert (await store.get_memory(USER, "mem0001")).content == "changed"
    assert (await store.get_memory(USER, "mem0003")).version == 1
    with pytest.raises(NotFound):
        await store.get_memory(USER, "mem0002")
    path = f"athletes/{USER}/workouts/2025-01-05/20250105-001.json"
    assert await store.documents.get(path) is None  # the drainer writes copies, not the commit
    assert await store.drain_outbox(USER) == 2  # the begin's entry and the commit's
    log = await store.documents.get(path)
    assert log is not None and log["workoutId"] == "20250105-001"
    transcript = await store.documents.get(f"athletes/{USER}/conversations/{CONVERSATION}.json")
    assert transcript is not None
    assert [m["messageId"] for m in transcript["messages"]] == ["m000001", "m000002"]
    assert await store.drain_outbox(USER) == 0


async def test_commit_turn_is_all_or_nothing(store: Repository) -> None:
    await seed_conversation(store)
    await store.begin_turn(USER, message(1, client_id="k1"))
    await store.commit_turn(
        TurnCommit(
            USER,
            COACH,
            CONVERSATION,
            reply=message(2, role="assistant"),
            workouts=[lifted("2025-01-05")],
        )
    )
    before = await store.get_conversation(USER, COACH, CONVERSATION)

    stale = lifted("2025-01-05", value=120.0)  # its id exists: conflict
    with pytest.raises(Conflict):
        await store.commit_turn(
            TurnCommit(
                USER,
                COACH,
                CONVERSATION,
                reply=message(3, role="assistant"),
                workouts=[lifted("2025-01-06", exercise="deadlift", value=180.0), stale],
                client_message_id="k1",
                result=Outcome.model_validate({"done": True}),
            )
        )

    assert [m.message_id for m in await store.latest_messages(USER, CONVERSATION, 10)] == [
        "m000001",
        "m000002",
    ]
    assert await store.get_conversation(USER, COACH, CONVERSATION) == before
    with pytest.raises(NotFound):
        await store.get_workout(USER, "20250106-001")
    assert [(r.exercise, r.value) for r in await store.list_records(USER)] == [
        ("back_squat", 100.0)
    ]
    turn = await store.get_turn(USER, CONVERSATION, "k1")
    assert turn is not None and turn.status == "pending"
    assert (
        await store.documents.get(f"athletes/{USER}/workouts/2025-01-06/20250106-001.json") is None
    )


async def test_fail_turn_marks_the_claim(store: Repository) -> None:
    await seed_conversation(store)
    await store.begin_turn(USER, message(1, client_id="k1"))
    await store.fail_turn(USER, CONVERSATION, "k1")
    turn = await store.get_turn(USER, CONVERSATION, "k1")
    assert turn is not None and turn.status == "failed"
    with pytest.raises(NotFound):
        await store.fail_turn(USER, CONVERSATION, "unknown")


async def test_latest_messages_is_one_query_at_1000_messages(store: Repository) -> None:
    await seed_conversation(store)
    await seed_messages(store, 1_000)
    for n in range(1_000, 1_002):
        await store.begin_turn(USER, message(n))

    before = calls(store)
    latest = await store.latest_messages(USER, CONVERSATION, 20)

    assert calls(store) - before == Counter({"items.query": 1})
    assert [m.message_id for m in latest] == [f"m{n:06d}" for n in range(982, 1_002)]


async def test_messages_page_oldest_first(store: Repository) -> None:
    await seed_conversation(store)
    await seed_messages(store, 45)
    listed = await collect(
        lambda token: store.list_messages(USER, CONVERSATION, limit=20, next=token), pages=3
    )
    assert [m.message_id for m in listed] == [f"m{n:06d}" for n in range(45)]


async def test_conversations_page_newest_first_without_messages(store: Repository) -> None:
    await store.create_coach(coach())
    for n in range(7):
        await store.create_conversation(conversation(conversation_id=f"v{n:03d}"))
    await store.begin_turn(USER, message(1, conversation_id="v003"))

    before = calls(store)
    listed = await collect(
        lambda token: store.list_conversations(USER, COACH, limit=3, next=token), pages=3
    )
    assert calls(store) - before == Counter({"items.query": 3})
    assert [c.conversation_id for c in listed] == [f"v{n:03d}" for n in reversed(range(7))]


async def test_delete_conversation_removes_everything(store: Repository) -> None:
    await seed_conversation(store)
    await store.create_conversation(conversation(conversation_id="kept"))
    await seed_messages(store, 60)
    await store.begin_turn(USER, message(100, client_id="k1"))
    await store.begin_turn(USER, message(1, conversation_id="kept"))
    summary = Summary(
        summary_id="s", user_id=USER, coach_id=COACH, conversation_id=CONVERSATION, summary_text="s"
    )
    await store.put_summary(summary)
    chat = await store.get_conversation(USER, COACH, CONVERSATION)
    await store.append_transcript(USER, chat, [message(100)])

    await store.delete_conversation(USER, COACH, CONVERSATION)

    with pytest.raises(NotFound):
        await store.get_conversation(USER, COACH, CONVERSATION)
    assert await store.latest_messages(USER, CONVERSATION, 200) == []
    assert await store.get_summary(USER, CONVERSATION) is None
    assert await store.get_turn(USER, CONVERSATION, "k1") is None
    base = f"athletes/{USER}/conversations/{CONVERSATION}"
    assert await store.documents.get(f"{base}.json") is None
    assert await store.documents.get(f"{base}_metadata.json") is None
    assert len(await store.latest_messages(USER, "kept", 10)) == 1
    with pytest.raises(NotFound):
        await store.delete_conversation(USER, COACH, CONVERSATION)


async def test_delete_coach_takes_its_conversations_and_its_own_memories(
    store: Repository,
) -> None:
    await seed_conversation(store)
    await store.create_coach(coach(coach_id="other"))
    await store.create_conversation(conversation(coach_id="other", conversation_id="kept"))
    await store.begin_turn(USER, message(1))
    await store.begin_turn(USER, message(2, conversation_id="kept", coach_id="other"))
    await store.append_transcript(
        USER, await store.get_conversation(USER, COACH, CONVERSATION), [message(1)]
    )
    await store.add_memory(memory(1, coach_id=COACH))
    await store.add_memory(memory(2))  # global: every coach uses it
    await store.add_memory(memory(3, coach_id="other"))

    await store.delete_coach(USER, COACH)

    with pytest.raises(NotFound):
        await store.get_conversation(USER, COACH, CONVERSATION)
    assert await store.latest_messages(USER, CONVERSATION, 10) == []
    assert await store.documents.get(f"athletes/{USER}/conversations/{CONVERSATION}.json") is None
    left = await store.list_memories(USER)
    assert sorted(m.memory_id for m in left.items) == ["mem0002", "mem0003"]
    assert len(await store.latest_messages(USER, "kept", 10)) == 1
    with pytest.raises(NotFound):
        await store.delete_coach(USER, COACH)


async def test_an_unreadable_transcript_is_written_again_from_the_table(
    store: Repository,
) -> None:
    await seed_conversation(store)
    for n in range(3):
        await store.begin_turn(USER, message(n))
    chat = await store.get_conversation(USER, COACH, CONVERSATION)
    await store.append_transcript(USER, chat, [message(0), message(1)])
    key = f"athletes/{USER}/conversations/{CONVERSATION}.json"
    torn = (await asyncio.to_thread(store.documents.bucket.get, key) or b"")[:-30]
    await asyncio.to_thread(store.documents.bucket.put, key, torn)

    await store.append_transcript(USER, chat, [message(2)])

    transcript = await store.documents.get(key)
    assert transcript is not None
    assert [m["messageId"] for m in transcript["messages"]] == [
        message(n).message_id for n in range(3)
    ]


async def test_payloads_over_the_caps_write_nothing(store: Repository) -> None:
    await seed_conversation(store)
    with pytest.raises(PayloadTooLarge):
        await store.begin_turn(USER, message(1, client_id="k1", content="x" * 70_000))
    assert await store.latest_messages(USER, CONVERSATION, 10) == []
    assert await store.get_turn(USER, CONVERSATION, "k1") is None
    with pytest.raises(PayloadTooLarge):
        await store.add_memory(memory(1, content="y" * 400_000))
    with pytest.raises(NotFound):
        await store.get_memory(USER, "mem0001")
