"""Logged workouts and personal records (`WorkoutStore`)."""

from __future__ import annotations

from storage import keys
from storage.codec import decode
from storage.items import Item, Query
from storage.models import Page, PersonalRecord, WorkoutRecord
from storage.pages import MAX_LIMIT
from storage.repo_base import RepositoryBase

HIGHEST = "\U0010ffff"
"""Sorts after every character, to close a key range."""


class WorkoutRepository(RepositoryBase):
    """Workouts are keyed by date-prefixed ids, so a date range is one key range."""

    async def get_workout(self, user_id: str, workout_id: str) -> WorkoutRecord:
        return await self._get(WorkoutRecord, keys.workout(user_id, workout_id))

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

    async def replace_workout(self, workout: WorkoutRecord) -> WorkoutRecord:
        """The outbox entry first, so the file follows even if this call stops half-way."""
        user_id, workout_id = workout.user_id, workout.workout_id
        keys.workout_document(user_id, workout_id)  # NotFound for an id no file can have
        entry = await self._outbox_workouts(user_id, [workout_id])
        stored = await self._replace(keys.workout(user_id, workout_id), workout)
        await self._copy_now(entry, user_id, [workout_id])
        return stored

    async def delete_workout(self, user_id: str, workout_id: str) -> None:
        """The outbox entry first, then the item: the drainer removes the file if this
        call stops before it does."""
        keys.workout_document(user_id, workout_id)
        entry = await self._outbox_workouts(user_id, [workout_id])
        await self._delete(keys.workout(user_id, workout_id))
        await self._copy_now(entry, user_id, [workout_id])

    async def list_records(self, user_id: str) -> list[PersonalRecord]:
        query = Query(keys.user(user_id), prefix=keys.RECORDS, limit=MAX_LIMIT)
        return [decode(PersonalRecord, item) for item in await self._pages.all(query)]
