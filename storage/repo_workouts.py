"""Logged workouts, each exercise's history and the bests derived from them (`WorkoutStore`)."""

from __future__ import annotations

from collections.abc import Callable

from typing_extensions import override

from storage import keys
from storage.codec import decode, replacement
from storage.errors import Conflict
from storage.history_items import index_writes
from storage.items import ConditionFailed, Delete, Item, Query, Transaction, VersionIs
from storage.models import ExerciseEntry, Page, PersonalRecord, WorkoutRecord
from storage.pages import MAX_LIMIT
from storage.protocols import WorkoutStore
from storage.repo_base import RepositoryBase

HIGHEST = "\U0010ffff"
"""Sorts after every character, to close a key range."""
MAX_GROUPS = 200
"""Most exercises (or exercise-measure pairs) one listing walks."""
ATTEMPTS = 3
"""A delete re-reads a workout changed meanwhile this often before giving up (Conflict)."""


class WorkoutRepository(RepositoryBase, WorkoutStore):
    """Workouts keyed by date-prefixed ids, so a date range is one key range.

    Each workout's exercises and bests are items of their own, written in the same
    transaction as the workout.
    """

    @override
    async def get_workout(self, user_id: str, workout_id: str) -> WorkoutRecord:
        return await self._get(WorkoutRecord, keys.workout(user_id, workout_id))

    @override
    async def list_workouts(
        self,
        user_id: str,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        discipline: str | None = None,
        limit: int = 50,
        next: str | None = None,
        newest_first: bool = True,
    ) -> Page[WorkoutRecord]:
        """One sk BETWEEN query on the date-prefixed ids; discipline filters that range."""
        low = keys.WORKOUTS + (keys.workout_day(date_from) if date_from else "")
        high = keys.WORKOUTS + (keys.workout_day(date_to) if date_to else "") + HIGHEST
        query = Query(keys.user(user_id), between=(low, high), descending=newest_first)
        scope = f"workouts:{low}:{high}:{discipline!r}:{newest_first}"

        def keep(item: Item) -> bool:
            return bool(item["attributes"].get("discipline") == discipline)

        return await self._pages.page(
            WorkoutRecord, query, scope, limit, next, keep if discipline is not None else None
        )

    @override
    async def replace_workout(self, workout: WorkoutRecord) -> WorkoutRecord:
        """Replace under `workout.version`, with its exercise and best items, in one write.

        The outbox entry goes first, so the file follows even if this call stops half-way.
        """
        key = keys.workout(workout.user_id, workout.workout_id)
        keys.workout_document(workout.user_id, workout.workout_id)  # NotFound: no file id
        stored = await self.get_workout(workout.user_id, workout.workout_id)
        if stored.version != workout.version:
            raise Conflict("workout was changed meanwhile; reload it and retry")
        entry = await self._outbox_workouts(workout.user_id, [workout.workout_id])
        tx = Transaction()
        tx.add("workout", replacement(key, workout))
        for write in index_writes(workout.user_id, stored, workout):
            tx.add("index", write)
        try:
            await self.items.transact(tx.writes)
        except ConditionFailed:
            raise Conflict("workout was changed meanwhile; reload it and retry") from None
        saved = workout.model_copy(update={"version": workout.version + 1})
        await self._copy_now(entry, workout.user_id, [workout.workout_id])
        return saved

    @override
    async def delete_workout(self, user_id: str, workout_id: str) -> None:
        """Delete the workout with its exercise and best items in one write.

        Its outbox entry is written first: the drainer removes the file if this call stops
        before it does.
        """
        key = keys.workout(user_id, workout_id)
        keys.workout_document(user_id, workout_id)
        entry = await self._outbox_workouts(user_id, [workout_id])
        counter = self.quotas.workouts(user_id, workout_id)
        for _ in range(ATTEMPTS):
            stored = await self.get_workout(user_id, workout_id)
            tx = Transaction()
            tx.add("workout", Delete(key, VersionIs(stored.version)))
            for write in index_writes(user_id, stored, None):
                tx.add("index", write)
            tx.add("quota", counter.give())
            try:
                await self.items.transact(tx.writes)
            except ConditionFailed:
                continue  # changed or deleted meanwhile: read it again
            await self._copy_now(entry, user_id, [workout_id])
            return
        raise Conflict("workout keeps changing; retry")

    @override
    async def exercise_history(
        self, user_id: str, exercise: str, *, limit: int = 20, newest_first: bool = True
    ) -> list[ExerciseEntry]:
        """One exercise's latest entries: one query, however many workouts are stored."""
        query = Query(
            keys.user(user_id),
            prefix=keys.exercise_history(exercise),
            descending=newest_first,
            limit=max(1, min(limit, MAX_LIMIT)),
        )
        return [decode(ExerciseEntry, item) for item in (await self.items.query(query)).items]

    @override
    async def best(self, user_id: str, exercise: str, measure: str) -> PersonalRecord | None:
        """The best result of one exercise and measure: the first item of its ranked range."""
        query = Query(keys.user(user_id), prefix=keys.bests(exercise, measure), limit=1)
        found = (await self.items.query(query)).items
        return decode(PersonalRecord, found[0]) if found else None

    @override
    async def list_records(
        self, user_id: str, *, exercise: str | None = None
    ) -> list[PersonalRecord]:
        """The best of every exercise-measure pair (of one exercise, if given).

        A skip scan: each query reads the first (best) item of the next ranked range, so
        the cost is one query per pair, however many workouts are stored.
        """
        prefix = keys.bests(exercise) if exercise else keys.BESTS
        items = await self._skip_scan(
            keys.user(user_id),
            prefix,
            lambda item: keys.bests(item["attributes"]["exercise"], item["attributes"]["measure"]),
        )
        return [decode(PersonalRecord, item) for item in items]

    @override
    async def exercise_names(self, user_id: str) -> list[str]:
        """The exercises the athlete has logged, in name order (one query per name)."""
        items = await self._skip_scan(
            keys.user(user_id),
            keys.EXERCISES,
            lambda item: keys.exercise_history(item["attributes"]["exercise"]),
        )
        return [item["attributes"]["exercise"] for item in items]

    async def _skip_scan(self, pk: str, prefix: str, group: Callable[[Item], str]) -> list[Item]:
        """The first item of each group of the range under `prefix`, in key order."""
        found: list[Item] = []
        low = prefix
        while len(found) < MAX_GROUPS:
            query = Query(pk, between=(low, prefix + HIGHEST), limit=1)
            items = (await self.items.query(query)).items
            if not items:
                break
            found.append(items[0])
            low = group(items[0]) + HIGHEST
        return found
