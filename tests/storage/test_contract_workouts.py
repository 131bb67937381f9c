"""The store contract on every backend (`store` in conftest): workouts and their records."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from storage.errors import Conflict, NotFound
from storage.repository import Repository
from storage.turn_writes import TurnCommit
from tests.storage.builders import (
    COACH,
    CONVERSATION,
    USER,
    lifted,
    message,
    seed_conversation,
    workout,
)
from tests.storage.reads import calls, collect


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
