"""The store contract on every backend (`store` in conftest): pages and page tokens, and
one user's items out of another's reach.
"""

from __future__ import annotations

import pytest

from storage.errors import InvalidPageToken, NotFound
from storage.repository import Repository
from storage.turn_writes import TurnCommit
from tests.storage.builders import (
    COACH,
    CONVERSATION,
    OTHER,
    USER,
    coach,
    memory,
    message,
    seed_conversation,
    workout,
)
from tests.storage.reads import collect


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
