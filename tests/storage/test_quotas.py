"""Quotas on stored data, on both backends: a write over quota stores nothing, concurrent
writers never overshoot, and deletes give the count back."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import anyio
import pytest

from storage.errors import (
    CoachQuotaExceeded,
    ConversationQuotaExceeded,
    MemoryQuotaExceeded,
    NotFound,
    WorkoutQuotaExceeded,
)
from storage.factory import open_store
from storage.items import Query
from storage.quotas import StoredLimits
from storage.repository import Repository
from storage.turn_writes import TurnCommit
from tests.storage.builders import (
    COACH,
    CONVERSATION,
    OTHER,
    USER,
    coach,
    conversation,
    memory,
    message,
    seed_conversation,
    workout,
)
from tests.storage.conftest import BUCKET, SECRET, TABLE

LIMITS = StoredLimits(coaches=2, conversations=3, memories=4, workouts_per_day=2)


@pytest.fixture
async def store(kind: str, tmp_path: Path) -> AsyncIterator[Repository]:
    """A store of each kind with small limits."""
    opened = open_store(
        kind,  # type: ignore[arg-type]
        data_dir=tmp_path,
        table=TABLE,
        bucket=BUCKET,
        page_secret=SECRET,
        region="us-east-1",
        limits=LIMITS,
    )
    await opened.init()
    yield opened
    await opened.close()


async def count(store: Repository, user: str, counted: str) -> int:
    """A quota counter as stored (0 if missing)."""
    item = await store.items.get((f"user#{user}", f"quota#{counted}"))
    return 0 if item is None else int(item["count"])


async def test_concurrent_memory_writes_stop_at_the_limit(store: Repository) -> None:
    await store.create_coach(coach())
    refused: list[int] = []

    async def add(n: int) -> None:
        try:
            await store.add_memory(memory(n, coach_id=COACH if n % 2 else None))
        except MemoryQuotaExceeded:
            refused.append(n)

    async with anyio.create_task_group() as group:
        for n in range(12):
            group.start_soon(add, n)

    assert len(refused) == 8
    stored = await store.list_memories(USER)
    assert len(stored.items) == 4 and await count(store, USER, "memories") == 4
    with pytest.raises(MemoryQuotaExceeded, match="at most 4 memories"):
        await store.add_memory(memory(99))
    await store.add_memory(memory(99, OTHER))  # another user's quota is their own

    await store.delete_memory(USER, stored.items[0].memory_id)
    with pytest.raises(NotFound):  # a second delete finds nothing and gives nothing back
        await store.delete_memory(USER, stored.items[0].memory_id)
    assert await count(store, USER, "memories") == 3
    await store.add_memory(memory(100))
    with pytest.raises(MemoryQuotaExceeded):
        await store.add_memory(memory(101))


async def test_coaches_and_conversations_are_counted_and_given_back(store: Repository) -> None:
    await store.create_coach(coach())
    await store.create_coach(coach(coach_id="c2"))
    with pytest.raises(CoachQuotaExceeded):
        await store.create_coach(coach(coach_id="c3"))
    for n in range(3):
        await store.create_conversation(conversation(conversation_id=f"v{n}"))
    with pytest.raises(ConversationQuotaExceeded):
        await store.create_conversation(conversation(coach_id="c2", conversation_id="v9"))
    listed = await store.list_conversations(USER, "c2")
    assert listed.items == []  # the refused conversation was not stored

    await store.add_memory(memory(1, coach_id=COACH))
    await store.add_memory(memory(2))
    await store.delete_coach(USER, COACH)  # its 3 conversations and its own memory
    assert [await count(store, USER, c) for c in ("coaches", "conversations", "memories")] == [
        1,
        0,
        1,
    ]
    await store.create_coach(coach(coach_id="c3"))
    await store.create_conversation(conversation(coach_id="c3", conversation_id="v9"))


async def test_a_commit_over_a_quota_writes_nothing(store: Repository) -> None:
    await seed_conversation(store)
    await store.begin_turn(USER, message(1))

    def commit(n: int, **changes: object) -> TurnCommit:
        return TurnCommit(
            user_id=USER,
            coach_id=COACH,
            conversation_id=CONVERSATION,
            reply=message(n, role="assistant"),
            **changes,  # type: ignore[arg-type]
        )

    await store.commit_turn(commit(2, workouts=[workout("2025-01-05", 1)]))
    three = [workout("2025-01-05", 2), workout("2025-01-05", 3), workout("2025-01-06", 1)]
    with pytest.raises(WorkoutQuotaExceeded, match="20250105"):
        await store.commit_turn(commit(3, workouts=three))
    assert len(await store.latest_messages(USER, CONVERSATION, 10)) == 2  # no reply 3
    assert await count(store, USER, "workouts#20250106") == 0  # its place given back
    await store.commit_turn(commit(3, workouts=three[1:]))
    await store.delete_workout(USER, "20250105-001")
    assert await count(store, USER, "workouts#20250105") == 1

    kept = [await store.add_memory(memory(n)) for n in range(3)]
    with pytest.raises(MemoryQuotaExceeded):
        await store.commit_turn(commit(4, memory_puts=[memory(10), memory(11)]))
    # Forgetting one makes room for one more in the same commit; a memory forgotten
    # that is already gone gives nothing back.
    await store.delete_memory(USER, kept[1].memory_id)
    await store.commit_turn(
        commit(4, memory_puts=[memory(10), memory(11)], memory_deletes=[kept[0], kept[1]])
    )
    assert await count(store, USER, "memories") == 3
    stored = await store.items.query(Query(f"user#{USER}", prefix="userMemory#"))
    assert len(stored.items) == 3


async def test_a_commit_that_writes_nothing_gives_its_places_back(store: Repository) -> None:
    """The counters are taken before the commit's transaction; its failure returns them."""
    await seed_conversation(store)
    await store.begin_turn(USER, message(1))
    await store.delete_conversation(USER, COACH, CONVERSATION)
    with pytest.raises(NotFound):
        await store.commit_turn(
            TurnCommit(
                user_id=USER,
                coach_id=COACH,
                conversation_id=CONVERSATION,
                reply=message(2, role="assistant"),
                workouts=[workout("2025-01-05", 1)],
                memory_puts=[memory(1)],
            )
        )
    assert await count(store, USER, "workouts#20250105") == 0
    assert await count(store, USER, "memories") == 0
