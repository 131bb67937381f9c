"""The items a workout's exercise entries become, each keyed by the workout's own id.

One history item per exercise and one ranked item per best.

No two workouts write the same item, so concurrent workouts never conflict over a
shared "best" item; a best is the first item of its ranked range, so deleting or
correcting a workout (which removes or rewrites only its own items) leaves the true
best on top without reading any other workout.
"""

from __future__ import annotations

from storage import keys
from storage.codec import new_item
from storage.items import Delete, Item, Key, Put, Write
from storage.models import Best, WorkoutRecord

RANK_SCALE = 1000
"""Ranks keep three decimals (grams, milliseconds)."""
RANK_DIGITS = 13
RANK_MAX = 10**RANK_DIGITS


def rank(best: Best) -> str:
    """A fixed-width sort-key part that orders the best result first (ascending)."""
    scaled = min(max(round(best.rank_value * RANK_SCALE), 0), RANK_MAX - 1)
    return f"{RANK_MAX - 1 - scaled if best.higher_is_better else scaled:0{RANK_DIGITS}d}"


def index_items(user_id: str, workout: WorkoutRecord) -> dict[Key, Item]:
    """Every history and best item `workout` implies, by key."""
    items: dict[Key, Item] = {}
    for entry in workout.exercises:
        key = keys.exercise_entry(user_id, entry.exercise, workout.workout_id)
        items[key] = new_item(key, "exerciseEntry", entry.model_copy(update={"bests": []}))
        for best in entry.bests:
            key = keys.best(user_id, entry.exercise, best.measure, rank(best), workout.workout_id)
            record = best.as_record(entry.exercise, workout)
            items[key] = new_item(key, "personalBest", record)
    return items


def index_writes(
    user_id: str, before: WorkoutRecord | None, after: WorkoutRecord | None
) -> list[Write]:
    """The writes that take the index from `before` to `after` (None: no workout).

    Unconditional: the items belong to this workout alone, and the workout's own write
    in the same transaction carries the condition.
    """
    old = index_items(user_id, before) if before else {}
    new = index_items(user_id, after) if after else {}
    writes: list[Write] = [Delete(key) for key in old if key not in new]
    writes += [
        Put(item)
        for key, item in new.items()
        if key not in old or old[key]["attributes"] != item["attributes"]
    ]
    return writes
