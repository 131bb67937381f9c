"""The store contract on every backend (`store` in conftest): memories."""

from __future__ import annotations

import anyio
import pytest

from storage.errors import Conflict, NotFound
from storage.repository import Repository
from storage.turn_writes import TurnCommit
from tests.storage.builders import (
    COACH,
    CONVERSATION,
    USER,
    coach,
    memory,
    message,
    seed_conversation,
)
from tests.storage.reads import collect


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


async def test_a_coach_only_memory_needs_its_coach(store: Repository) -> None:
    with pytest.raises(NotFound):
        await store.add_memory(memory(1, coach_id="no-such-coach"))
    await store.create_coach(coach(coach_id="c1"))
    await store.add_memory(memory(2, coach_id="c1"))
    with pytest.raises(Conflict):
        await store.add_memory(memory(2, coach_id="c1"))
