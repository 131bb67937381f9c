"""The `Store` contract, run against both backends (`local` and `aws` on moto)."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import anyio
import pytest

from storage import keys
from storage.codec import new_item
from storage.errors import Conflict, InvalidPageToken, NotFound, PayloadTooLarge, RateLimited
from storage.items import Absent, Put
from storage.models import Page, Profile, Summary
from storage.repository import Repository
from storage.turn_writes import Quota, TurnCommit
from tests.storage.builders import (
    COACH,
    CONVERSATION,
    OTHER,
    USER,
    Outcome,
    coach,
    conversation,
    lifted,
    memory,
    message,
    seed_conversation,
    workout,
)
from tests.storage.conftest import make_store

T = TypeVar("T")


async def collect(
    fetch: Callable[[str | None], Awaitable[Page[T]]], *, pages: int | None = None
) -> list[T]:
    """Every item of a paginated list, following `next`; optionally assert the page count."""
    items: list[T] = []
    token: str | None = None
    seen = 0
    while True:
        page = await fetch(token)
        items += page.items
        seen += 1
        if page.next is None:
            break
        token = page.next
    if pages is not None:
        assert seen == pages
    return items


async def seed_messages(store: Repository, count: int) -> None:
    """Messages put straight through the item layer.

    begin_turn per message would work too, but moto deep-copies the whole table for
    every write of a transaction, which makes 1,000 of them take half a minute.
    """
    for n in range(count):
        m = message(n)
        key = keys.message(USER, CONVERSATION, m.message_id)
        await store.items.put(Put(new_item(key, "message", m), Absent()))


def calls(store: Repository) -> Counter[str]:
    return store.items.calls.counts.copy()


# lifecycle


async def test_init_is_idempotent_and_ping_answers(store: Repository) -> None:
    conversation = await seed_conversation(store)
    await store.init()  # a second init keeps what is stored
    await store.ping()
    kept = await store.get_conversation(USER, conversation.coach_id, conversation.conversation_id)
    assert kept.conversation_id == conversation.conversation_id


async def test_local_data_survives_a_restart(tmp_path: Path) -> None:
    first = make_store("local", tmp_path)
    await first.init()
    await seed_conversation(first)
    await first.begin_turn(USER, message(1))
    await first.documents.put("athletes/a/conversations/v1.json", {"kept": True})
    await first.close()

    again = make_store("local", tmp_path)
    await again.init()
    assert (await again.get_coach(USER, COACH)).coach_name == "Coach"
    assert [m.content for m in await again.latest_messages(USER, CONVERSATION, 5)] == ["message 1"]
    assert await again.documents.get("athletes/a/conversations/v1.json") == {"kept": True}
    await again.close()


# the data layout (docs/data-layout.md)


async def test_items_follow_the_data_layout(store: Repository) -> None:
    await store.put_profile(Profile(user_id=USER, email="a@example.com"))
    await seed_conversation(store)
    limits = Quota(per_minute=5, per_day=50, now_epoch=1_736_078_400)
    await store.begin_turn(USER, message(1, client_id="k1"), limits)
    await store.add_memory(memory(1, coach_id=COACH))

    async def raw(sk: str) -> dict[str, Any]:
        item = await store.items.get((f"user#{USER}", sk))
        assert item is not None, sk
        return item

    profile = await raw("profile")
    assert (profile["gsi1pk"], profile["gsi1sk"], profile["entityType"]) == (
        "email#a@example.com",
        "profile",
        "user",
    )
    assert "gsi2pk" not in profile
    coach_item = await raw(f"coach#{COACH}")
    assert set(coach_item) == {
        "pk",
        "sk",
        "entityType",
        "createdAt",
        "updatedAt",
        "version",
        "attributes",
    }
    assert coach_item["attributes"]["coach_name"] == "Coach"  # snake_case, see docs/data-layout.md
    chat = await raw(f"coachConversation#{COACH}#{CONVERSATION}")
    assert chat["attributes"]["metadata"]["totalMessages"] == 1
    assert (await raw(f"message#{CONVERSATION}#m000001"))["attributes"]["role"] == "user"
    turn = await raw(f"turn#{CONVERSATION}#k1")
    assert turn["ttl"] > 1_736_078_400 and turn["attributes"]["userMessageId"] == "m000001"
    assert (await raw("userMemory#mem0001"))["attributes"]["coachId"] == COACH
    minute = await raw(f"rate#m#{1_736_078_400 // 60}")
    day = await raw("rate#d#2025-01-05")
    assert (minute["count"], day["count"], day["entityType"]) == (1, 1, "rateCounter")
    assert minute["ttl"] > 1_736_078_400


# conditional writes and versions


async def test_create_is_conditional_and_leaves_the_stored_item(store: Repository) -> None:
    created = await store.create_coach(coach(name="First"))
    assert created.version == 1
    assert created.created_at is not None

    with pytest.raises(Conflict):
        await store.create_coach(coach(name="Second"))

    stored = await store.get_coach(USER, COACH)
    assert (stored.coach_name, stored.version) == ("First", 1)


async def test_replace_needs_the_current_version(store: Repository) -> None:
    created = await store.create_coach(coach(name="First"))
    renamed = await store.replace_coach(created.model_copy(update={"coach_name": "Second"}))
    assert renamed.version == 2
    assert renamed.created_at == created.created_at

    with pytest.raises(Conflict):
        await store.replace_coach(created.model_copy(update={"coach_name": "Stale"}))

    stored = await store.get_coach(USER, COACH)
    assert (stored.coach_name, stored.version) == ("Second", 2)
    with pytest.raises(NotFound):
        await store.replace_coach(coach(coach_id="nope").model_copy(update={"version": 1}))


async def test_profile_is_created_at_version_0_then_replaced(store: Repository) -> None:
    assert await store.get_profile(USER) is None
    first = await store.put_profile(Profile(user_id=USER, email="a@example.com", username="a"))
    assert first.version == 1
    with pytest.raises(Conflict):
        await store.put_profile(Profile(user_id=USER))

    second = await store.put_profile(first.model_copy(update={"username": None, "units": "kg"}))
    assert (second.version, second.units, second.username) == (2, "kg", None)
    stored = await store.get_profile(USER)
    assert stored == second
    item = await store.items.get(keys.profile(USER))
    assert item is not None and "gsi2pk" not in item and item["gsi1pk"] == "email#a@example.com"


async def test_summary_is_versioned(store: Repository) -> None:
    summary = Summary(
        summary_id="s1", user_id=USER, coach_id=COACH, conversation_id="v1", summary_text="one"
    )
    first = await store.put_summary(summary)
    second = await store.put_summary(first.model_copy(update={"summary_text": "two"}))
    with pytest.raises(Conflict):
        await store.put_summary(first.model_copy(update={"summary_text": "stale"}))
    assert await store.get_summary(USER, "v1") == second
    assert second.summary_text == "two"


async def test_delete_then_missing(store: Repository) -> None:
    await store.create_coach(coach())
    await store.delete_coach(USER, COACH)
    with pytest.raises(NotFound):
        await store.get_coach(USER, COACH)
    with pytest.raises(NotFound):
        await store.delete_coach(USER, COACH)


async def test_ids_that_could_reach_other_keys_are_not_found(store: Repository) -> None:
    await store.create_coach(coach())
    for bad in ("c1#x", "../c1", "", "a/b"):
        with pytest.raises(NotFound):
            await store.get_coach(USER, bad)


# conversations and turns


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


# pagination and isolation


async def test_pages_cover_every_list(store: Repository) -> None:
    for n in range(5):
        await store.create_coach(coach(coach_id=f"c{n}"))
        await store.add_memory(memory(n))
    coaches = await collect(lambda t: store.list_coaches(USER, limit=2, next=t), pages=3)
    memories = await collect(lambda t: store.list_memories(USER, limit=2, next=t), pages=3)
    assert [c.coach_id for c in coaches] == [f"c{n}" for n in range(5)]
    assert [m.memory_id for m in memories] == [f"mem{n:04d}" for n in range(5)]
    assert (await store.list_coaches(USER, limit=0)).items[0].coach_id == "c0"  # clamped to 1
    assert len((await store.list_coaches(USER, limit=10_000)).items) == 5


async def test_a_page_token_only_continues_its_own_list(store: Repository) -> None:
    for user in (USER, OTHER):
        for n in range(3):
            await store.create_coach(coach(user, coach_id=f"c{n}"))
            await store.add_memory(memory(n, user))
    token = (await store.list_coaches(USER, limit=1)).next
    assert token is not None

    assert (await store.list_coaches(USER, limit=1, next=token)).items[0].coach_id == "c1"
    with pytest.raises(InvalidPageToken):
        await store.list_coaches(OTHER, limit=1, next=token)
    with pytest.raises(InvalidPageToken):
        await store.list_memories(USER, limit=1, next=token)
    with pytest.raises(InvalidPageToken):
        await store.list_conversations(USER, COACH, next=token)
    body, signature = token.split(".")
    for forged in (f"{body}x.{signature}", "garbage", f"{body}.{signature[:-2]}AA", "é.é"):
        with pytest.raises(InvalidPageToken):
            await store.list_coaches(USER, next=forged)


async def test_users_cannot_reach_each_others_items(store: Repository) -> None:
    await seed_conversation(store)
    await store.add_memory(memory(1))
    await store.commit_turn(
        TurnCommit(USER, COACH, CONVERSATION, reply=message(1), workouts=[workout("2025-01-05")])
    )

    for read in (
        store.get_coach(OTHER, COACH),
        store.get_conversation(OTHER, COACH, CONVERSATION),
        store.get_memory(OTHER, "mem0001"),
        store.get_workout(OTHER, "20250105-001"),
        store.delete_coach(OTHER, COACH),
        store.delete_memory(OTHER, "mem0001"),
        store.delete_workout(OTHER, "20250105-001"),
        store.delete_conversation(OTHER, COACH, CONVERSATION),
    ):
        with pytest.raises(NotFound):
            await read
    with pytest.raises(NotFound):
        await store.begin_turn(OTHER, message(2))
    assert (await store.list_coaches(OTHER)).items == []
    assert (await store.list_memories(OTHER)).items == []
    assert (await store.list_workouts(OTHER)).items == []
    assert await store.latest_messages(OTHER, CONVERSATION, 10) == []
    assert (await store.get_workout(USER, "20250105-001")).user_id == USER


# memories


async def test_memories_filter_by_coach_and_type(store: Repository) -> None:
    for coach_id in ("c1", "c2"):
        await store.create_coach(coach(coach_id=coach_id))
    await store.add_memory(memory(1))
    await store.add_memory(memory(2, coach_id="c1", memory_type="goal"))
    await store.add_memory(memory(3, coach_id="c2"))
    await store.add_memory(memory(4, coach_id="c1"))
    await store.add_memory(memory(5, memory_type="goal"))

    for_c1 = await collect(lambda t: store.list_memories(USER, coach_id="c1", limit=2, next=t))
    goals = await store.list_memories(USER, memory_type="goal")
    c1_goals = await store.list_memories(USER, coach_id="c1", memory_type="goal")

    assert [m.memory_id for m in for_c1] == ["mem0001", "mem0002", "mem0004", "mem0005"]
    assert [m.memory_id for m in goals.items] == ["mem0002", "mem0005"]
    assert [m.memory_id for m in c1_goals.items] == ["mem0002", "mem0005"]


async def test_a_type_is_read_from_its_index_and_follows_updates(store: Repository) -> None:
    added = await store.add_memory(memory(1, memory_type="goal"))
    await store.add_memory(memory(2, memory_type="goal"))
    await store.update_memory(added.model_copy(update={"memory_type": "constraint"}))

    goals = await collect(lambda t: store.list_memories(USER, memory_type="goal", limit=1, next=t))
    constraints = await store.list_memories(USER, memory_type="constraint")

    assert [m.memory_id for m in goals] == ["mem0002"]
    assert [m.memory_id for m in constraints.items] == ["mem0001"]


async def test_a_turn_reads_the_newest_and_every_important_memory(store: Repository) -> None:
    for coach_id in ("c1", "c2"):
        await store.create_coach(coach(coach_id=coach_id))
    old = memory(1, memory_type="constraint")
    old.metadata.importance = "high"
    await store.add_memory(old)
    for n in range(2, 30):
        await store.add_memory(memory(n, coach_id="c1" if n % 2 else None))
    await store.add_memory(memory(30, coach_id="c2"))  # another coach's: never read for c1

    loaded = await store.memories_for_turn(USER, "c1", newest=5, important=3)

    ids = [m.memory_id for m in loaded]
    assert ids[:4] == ["mem0029", "mem0028", "mem0027", "mem0026"]
    assert "mem0001" in ids and "mem0030" not in ids and len(ids) == 5


async def test_memory_updates_need_the_current_version(store: Repository) -> None:
    added = await store.add_memory(memory(1))
    updated = await store.update_memory(added.model_copy(update={"content": "new"}))
    with pytest.raises(Conflict):
        await store.update_memory(added.model_copy(update={"content": "stale"}))
    assert (await store.get_memory(USER, "mem0001")).content == "new"
    assert updated.version == 2
    await store.delete_memory(USER, "mem0001")
    with pytest.raises(NotFound):
        await store.delete_memory(USER, "mem0001")


async def test_a_commit_counts_the_memories_the_reply_used(store: Repository) -> None:
    await seed_conversation(store)
    for n in range(1, 13):
        await store.add_memory(memory(n))
    await store.delete_memory(USER, "mem0005")  # deleted after the turn read it
    used = [f"mem{n:04d}" for n in range(1, 13)]
    before = store.items.calls.counts["items.transact"]
    async with anyio.create_task_group() as group:
        for n in range(3):
            reply = message(10 + n, role="assistant")
            commit = TurnCommit(USER, COACH, CONVERSATION, reply=reply, memories_used=used)
            group.start_soon(store.commit_turn, commit)
    assert store.items.calls.counts["items.transact"] - before == 6  # each: one retry without it
    listed = {m.memory_id: m for m in (await store.list_memories(USER)).items}
    assert set(listed) == set(used) - {"mem0005"}  # the deleted one stays deleted
    assert {m.metadata.usage_count for m in listed.values()} == {3}
    assert {m.version for m in listed.values()} == {1}  # usage is bookkeeping, not an edit
    assert len(await store.latest_messages(USER, CONVERSATION, 10)) == 3


# workouts


async def test_workouts_by_date_range_and_discipline(store: Repository) -> None:
    await seed_conversation(store)
    workouts = [
        workout(f"2025-01-{day:02d}", n, discipline="running" if day % 2 else "strength")
        for day in range(1, 11)
        for n in (1, 2)
    ]
    await store.commit_turn(TurnCommit(USER, COACH, CONVERSATION, message(1), workouts=workouts))

    before = calls(store)
    january = await store.list_workouts(USER, date_from="2025-01-03", date_to="2025-01-05")
    assert calls(store) - before == Counter({"items.query": 1})
    assert [w.workout_id for w in january.items] == [
        "20250105-002",
        "20250105-001",
        "20250104-002",
        "20250104-001",
        "20250103-002",
        "20250103-001",
    ]
    runs = await collect(
        lambda t: store.list_workouts(
            USER, date_to="2025-01-06", discipline="running", newest_first=False, limit=2, next=t
        ),
        pages=3,
    )
    assert [w.workout_id for w in runs] == [
        f"202501{day:02d}-{n:03d}" for day in (1, 3, 5) for n in (1, 2)
    ]
    since = await collect(lambda t: store.list_workouts(USER, date_from="20250109", next=t))
    assert len(since) == 4


async def test_workout_replace_and_delete_keep_the_log_in_step(store: Repository) -> None:
    await seed_conversation(store)
    logged = workout("2025-01-05")
    await store.commit_turn(TurnCommit(USER, COACH, CONVERSATION, message(1), workouts=[logged]))
    path = f"athletes/{USER}/workouts/2025-01-05/20250105-001.json"

    stored = await store.get_workout(USER, logged.workout_id)
    fixed = await store.replace_workout(stored.model_copy(update={"summary": "fixed"}))
    assert fixed.version == 2
    log = await store.documents.get(path)
    assert log is not None and log["summary"] == "fixed"
    with pytest.raises(Conflict):
        await store.replace_workout(stored)

    await store.delete_workout(USER, logged.workout_id)
    assert await store.documents.get(path) is None
    with pytest.raises(NotFound):
        await store.get_workout(USER, logged.workout_id)


async def test_workout_ids_must_start_with_their_date(store: Repository) -> None:
    await seed_conversation(store)
    bad = workout("2025-01-05").model_copy(update={"workout_id": "w-1"})
    with pytest.raises(ValueError, match="YYYYMMDD"):
        await store.commit_turn(TurnCommit(USER, COACH, CONVERSATION, message(1), workouts=[bad]))
    assert await store.latest_messages(USER, CONVERSATION, 5) == []
    for undated in ("0", "2025-01-05", "20251399-x"):
        with pytest.raises(NotFound, match="^workout not found$"):
            await store.delete_workout(USER, undated)
        with pytest.raises(NotFound, match="^workout not found$"):
            await store.replace_workout(bad.model_copy(update={"workout_id": undated}))


async def test_numbers_round_trip(store: Repository) -> None:
    await seed_conversation(store)
    data: dict[str, Any] = {
        "load": 102.5,
        "reps": 5,
        "splits": [1.1, 2, -0.000123, 1e-7, 123456789.125],
        "nested": {"rpe": 8.5, "sets": [{"kg": 60.25, "reps": 8}]},
        "flag": True,
        "none": None,
    }
    logged = lifted("2025-01-05", value=0.1).model_copy(update={"workout_data": data})
    commit = TurnCommit(USER, COACH, CONVERSATION, message(1), workouts=[logged])
    await store.commit_turn(commit)

    stored = await store.get_workout(USER, logged.workout_id)
    assert stored.workout_data == data
    assert isinstance(stored.workout_data["reps"], int)
    assert isinstance(stored.workout_data["load"], float)
    assert (await store.list_records(USER))[0].value == 0.1


# documents


async def test_documents_round_trip(store: Repository) -> None:
    key = f"athletes/{USER}/exports/2025-01-05_full_history.json"
    body = {"a": [1, 2.5, "é"], "b": {"c": None}}
    await store.documents.put(key, body)
    assert await store.documents.get(key) == body
    assert await store.documents.get(f"athletes/{USER}/exports/none.json") is None
    for bad in ("../etc/passwd", "athletes/../x.json", "athletes/a//b.json", "other/a/b.json"):
        with pytest.raises(ValueError):
            await store.documents.put(bad, {})


async def test_transcript_appends_survive_concurrent_turns(store: Repository) -> None:
    chat = await seed_conversation(store)
    async with anyio.create_task_group() as group:
        for n in range(20):
            group.start_soon(store.append_transcript, USER, chat, [message(n)])
    await store.append_transcript(USER, chat, [message(3)])  # a retried turn adds nothing

    base = f"athletes/{USER}/conversations/{CONVERSATION}"
    transcript = await store.documents.get(f"{base}.json")
    assert transcript is not None
    assert sorted(m["messageId"] for m in transcript["messages"]) == [
        f"m{n:06d}" for n in range(20)
    ]
    assert transcript["conversation"]["conversationId"] == CONVERSATION
    assert await store.documents.get(f"{base}_metadata.json") == transcript["conversation"]


# limits


async def test_quota_holds_under_50_concurrent_messages(store: Repository) -> None:
    await seed_conversation(store)
    limits = Quota(per_minute=10, per_day=100, now_epoch=1_000_040)
    outcomes: list[int | None] = []

    async def send(n: int) -> None:
        try:
            await store.begin_turn(USER, message(n), limits)
            outcomes.append(None)
        except RateLimited as exc:
            outcomes.append(exc.retry_after)

    async with anyio.create_task_group() as group:
        for n in range(50):
            group.start_soon(send, n)

    assert outcomes.count(None) == 10
    assert set(outcomes) - {None} == {40}  # 1_000_040 is 20 s into its minute
    stored = await store.latest_messages(USER, CONVERSATION, 100)
    assert len(stored) == 10  # a limited message is not kept
    later = Quota(per_minute=10, per_day=100, now_epoch=1_000_080)
    await store.begin_turn(USER, message(50), later)
    await seed_conversation(store, OTHER)
    await store.begin_turn(OTHER, message(51), limits)


async def test_daily_quota_waits_for_utc_midnight(store: Repository) -> None:
    await seed_conversation(store)
    noon = 1_736_078_400  # 2025-01-05T12:00:00Z
    for minute in range(3):
        at = Quota(per_minute=5, per_day=3, now_epoch=noon + 60 * minute)
        await store.begin_turn(USER, message(minute), at)
    with pytest.raises(RateLimited) as limited:
        await store.begin_turn(
            USER, message(3), Quota(per_minute=5, per_day=3, now_epoch=noon + 600)
        )
    assert limited.value.retry_after == 12 * 3600 - 600
    tomorrow = Quota(per_minute=5, per_day=3, now_epoch=noon + 12 * 3600)
    await store.begin_turn(USER, message(4), tomorrow)


async def test_a_retried_message_is_not_limited_again(store: Repository) -> None:
    await seed_conversation(store)
    limits = Quota(per_minute=1, per_day=10, now_epoch=1_736_078_400)
    first = await store.begin_turn(USER, message(1, client_id="k1"), limits)
    again = await store.begin_turn(USER, message(2, client_id="k1"), limits)
    assert (first.created, again.created) == (True, False)
    assert again.state.user_message_id == "m000001"
    with pytest.raises(RateLimited):
        await store.begin_turn(USER, message(3, client_id="k2"), limits)


async def test_a_coach_only_memory_needs_its_coach(store: Repository) -> None:
    with pytest.raises(NotFound):
        await store.add_memory(memory(1, coach_id="no-such-coach"))
    await store.create_coach(coach(coach_id="c1"))
    await store.add_memory(memory(2, coach_id="c1"))
    with pytest.raises(Conflict):
        await store.add_memory(memory(2, coach_id="c1"))
