"""Per-exercise history and derived bests, on both backends (`local` and `aws` on moto)."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from storage import keys
from storage.errors import Conflict, NotFound
from storage.models import ConversationState, LastChange, PendingQuestion
from storage.repository import Repository
from storage.turn_writes import TurnCommit, WorkoutEdit
from tests.storage.builders import (
    COACH,
    CONVERSATION,
    OTHER,
    USER,
    lifted,
    message,
    seed_conversation,
    workout,
)


def calls(store: Repository) -> Counter[str]:
    return store.items.calls.counts.copy()


async def bests(store: Repository, user: str = USER) -> list[tuple[str, str, float, str]]:
    return [(r.exercise, r.measure, r.value, r.workout_id) for r in await store.list_records(user)]


async def test_a_workout_writes_its_history_and_best_items_in_its_commit(
    store: Repository,
) -> None:
    await seed_conversation(store)
    squat = lifted("2025-01-05", 1, value=100.0)
    await store.commit_turn(TurnCommit(USER, COACH, CONVERSATION, message(1), workouts=[squat]))

    pk = keys.user(USER)
    entry = await store.items.get((pk, "exercise#back_squat#20250105-001"))
    assert entry is not None and entry["entityType"] == "exerciseEntry"
    assert entry["attributes"]["topWeight"] == 100.0
    best = await store.items.get((pk, "best#back_squat#weight#9999999899999#20250105-001"))
    assert best is not None and best["entityType"] == "personalBest"
    assert await bests(store) == [("back_squat", "weight", 100.0, "20250105-001")]
    assert await store.exercise_names(USER) == ["back_squat"]


async def test_the_best_is_the_heaviest_in_kg_with_its_date(store: Repository) -> None:
    await seed_conversation(store)
    workouts = [
        lifted("2025-01-05", 1, value=100.0),
        lifted("2025-01-07", 1, value=225.0, unit="lb"),  # 102.1 kg
        lifted("2025-01-09", 1, value=101.0),
        lifted("2025-01-09", 2, "deadlift", 180.0),
    ]
    await store.commit_turn(TurnCommit(USER, COACH, CONVERSATION, message(1), workouts=workouts))

    best = await store.best(USER, "back_squat", "weight")
    assert best is not None and (best.value, best.unit, best.date) == (225.0, "lb", "2025-01-07")
    assert await bests(store) == [
        ("back_squat", "weight", 225.0, "20250107-001"),
        ("deadlift", "weight", 180.0, "20250109-002"),
    ]
    assert [r.exercise for r in await store.list_records(USER, exercise="deadlift")] == ["deadlift"]
    assert await store.exercise_names(USER) == ["back_squat", "deadlift"]
    assert await store.best(USER, "front_squat", "weight") is None
    assert await bests(store, OTHER) == []


async def test_bests_follow_a_replace_and_a_delete(store: Repository) -> None:
    await seed_conversation(store)
    await store.commit_turn(
        TurnCommit(
            USER,
            COACH,
            CONVERSATION,
            message(1),
            workouts=[lifted("2025-01-05", 1, value=100.0), lifted("2025-01-06", 1, value=102.0)],
        )
    )
    top = await store.get_workout(USER, "20250106-001")
    lighter = lifted("2025-01-06", 1, value=95.0).model_copy(update={"version": top.version})
    await store.replace_workout(lighter)
    assert await bests(store) == [("back_squat", "weight", 100.0, "20250105-001")]
    [newest, oldest] = await store.exercise_history(USER, "back_squat")
    assert (newest.top_weight, oldest.top_weight) == (95.0, 100.0)

    await store.delete_workout(USER, "20250105-001")
    assert await bests(store) == [("back_squat", "weight", 95.0, "20250106-001")]
    await store.delete_workout(USER, "20250106-001")
    assert await bests(store) == []
    assert await store.exercise_history(USER, "back_squat") == []
    assert await store.exercise_names(USER) == []


async def test_a_stale_replace_changes_nothing(store: Repository) -> None:
    await seed_conversation(store)
    await store.commit_turn(
        TurnCommit(USER, COACH, CONVERSATION, message(1), workouts=[lifted("2025-01-05")])
    )
    stored = await store.get_workout(USER, "20250105-001")
    await store.replace_workout(stored.model_copy(update={"summary": "first"}))
    with pytest.raises(Conflict):
        await store.replace_workout(
            lifted("2025-01-05", value=50.0).model_copy(update={"version": 1})
        )
    assert await bests(store) == [("back_squat", "weight", 100.0, "20250105-001")]


async def test_a_turn_updates_moves_and_deletes_workouts_with_their_bests(
    store: Repository,
) -> None:
    await seed_conversation(store)
    await store.commit_turn(
        TurnCommit(
            USER,
            COACH,
            CONVERSATION,
            message(1),
            workouts=[
                lifted("2025-01-05", 1, value=100.0),
                lifted("2025-01-06", 1, "deadlift", 150.0),
                lifted("2025-01-07", 1, "bench_press", 80.0),
            ],
        )
    )
    squat, pull, bench = [
        await store.get_workout(USER, wid)
        for wid in ("20250105-001", "20250106-001", "20250107-001")
    ]
    moved = lifted("2025-01-04", 9, "deadlift", 150.0)
    state = ConversationState(
        pending=PendingQuestion(workout_id=moved.workout_id, fields=["time"]),
        last_change=LastChange(action="deleted", workout_id=bench.workout_id, before=bench),
    )
    await store.commit_turn(
        TurnCommit(
            USER,
            COACH,
            CONVERSATION,
            message(2),
            edits=[
                WorkoutEdit(
                    squat, lifted("2025-01-05", 1, value=110.0).model_copy(update={"version": 1})
                ),
                WorkoutEdit(pull, moved),
                WorkoutEdit(bench, None),
            ],
            state=state,
        )
    )

    assert await bests(store) == [
        ("back_squat", "weight", 110.0, "20250105-001"),
        ("deadlift", "weight", 150.0, "20250104-009"),
    ]
    with pytest.raises(NotFound):
        await store.get_workout(USER, "20250106-001")
    with pytest.raises(NotFound):
        await store.get_workout(USER, "20250107-001")
    await store.drain_outbox(USER)  # the copies follow the table through the outbox
    assert (
        await store.documents.get(f"athletes/{USER}/workouts/2025-01-06/20250106-001.json") is None
    )
    assert await store.documents.get(f"athletes/{USER}/workouts/2025-01-04/20250104-009.json")
    saved = (await store.get_conversation(USER, COACH, CONVERSATION)).state
    assert saved == state

    # an edit made from a stale read writes nothing
    with pytest.raises(Conflict):
        await store.commit_turn(
            TurnCommit(USER, COACH, CONVERSATION, message(3), edits=[WorkoutEdit(squat, None)])
        )
    assert (await store.get_workout(USER, "20250105-001")).version == 2


async def test_ten_concurrent_workout_commits_all_land_with_the_right_bests(
    store: Repository,
) -> None:
    await seed_conversation(store)
    weights = [100.0 + n for n in range(10)]
    await asyncio.gather(
        *(
            store.commit_turn(
                TurnCommit(
                    USER,
                    COACH,
                    CONVERSATION,
                    message(n),
                    workouts=[
                        lifted("2025-01-05", n, value=w),
                        lifted("2025-01-05", 100 + n, "row_2k", w),
                    ],
                )
            )
            for n, w in enumerate(weights)
        )
    )
    assert await bests(store) == [
        ("back_squat", "weight", 109.0, "20250105-009"),
        ("row_2k", "weight", 109.0, "20250105-109"),
    ]
    assert len(await store.exercise_history(USER, "back_squat", limit=50)) == 10


async def test_one_exercise_history_and_its_best_are_one_query_each(store: Repository) -> None:
    await seed_conversation(store)
    days = [f"2025-{m:02d}-{d:02d}" for m in range(1, 13) for d in range(1, 28, 3)]
    batch = [
        lifted(day, n, exercise, 60.0 + n)
        for day in days
        for n, exercise in enumerate(("back_squat", "deadlift", "bench_press"))
    ]
    for start in range(0, len(batch), 30):
        await store.commit_turn(
            TurnCommit(
                USER, COACH, CONVERSATION, message(start), workouts=batch[start : start + 30]
            )
        )
    before = calls(store)
    history = await store.exercise_history(USER, "deadlift", limit=5)
    best = await store.best(USER, "deadlift", "weight")
    assert calls(store) - before == Counter({"items.query": 2})
    assert [e.date for e in history] == [
        "2025-12-25",
        "2025-12-22",
        "2025-12-19",
        "2025-12-16",
        "2025-12-13",
    ]
    assert best is not None and best.date == "2025-01-01"  # the first of the equal bests

    before = calls(store)
    assert len(await store.list_records(USER)) == 3
    assert calls(store) - before == Counter({"items.query": 4})  # one per exercise, one to end


async def test_a_plain_workout_has_no_history(store: Repository) -> None:
    await seed_conversation(store)
    await store.commit_turn(
        TurnCommit(USER, COACH, CONVERSATION, message(1), workouts=[workout("2025-01-05")])
    )
    assert await store.list_records(USER) == []
    assert await store.exercise_names(USER) == []
