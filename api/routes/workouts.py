"""Logged workouts: list by date and discipline, read, correct, delete."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, status

from agent.history_index import indexed
from api.deps import Limit, Next, UserDep, WorkoutId, WorkoutStoreDep
from api.errors import WorkoutDateChanged
from api.schemas.workouts import WorkoutCorrection, WorkoutPublic
from extraction.describe import describe_workout
from extraction.schema import Discipline, Workout
from storage.models import MAX_CHANGES, Page, WorkoutChange, WorkoutRecord, utc_now

SERVICE_IDS = ("user_id", "coach_id", "conversation_id")
"""UWS fields the service assigns; a correction cannot change them."""

router = APIRouter(prefix="/v1/workouts", tags=["workouts"])


@router.get("")
async def list_workouts(
    user: UserDep,
    store: WorkoutStoreDep,
    date_from: Annotated[dt.date | None, Query(alias="from")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to")] = None,
    discipline: Discipline | None = None,
    limit: Limit = 50,
    next: Next = None,
) -> Page[WorkoutPublic]:
    """The caller's workouts, newest first; `from`/`to` are inclusive dates."""
    page = await store.list_workouts(
        user,
        date_from=date_from.isoformat() if date_from else None,
        date_to=date_to.isoformat() if date_to else None,
        discipline=discipline,
        limit=limit,
        next=next,
    )
    return Page(items=[WorkoutPublic.of(w) for w in page.items], next=page.next)


@router.get("/{workout_id}")
async def get_workout(
    workout_id: WorkoutId, user: UserDep, store: WorkoutStoreDep
) -> WorkoutPublic:
    """One workout."""
    return WorkoutPublic.of(await store.get_workout(user, workout_id))


@router.put("/{workout_id}")
async def correct_workout(
    workout_id: WorkoutId, body: WorkoutCorrection, user: UserDep, store: WorkoutStoreDep
) -> WorkoutPublic:
    """Replace a workout with the athlete's corrected version (a full UWS workout).

    Its exercise history and the bests follow in the same write.
    """
    current = await store.get_workout(user, workout_id)
    return WorkoutPublic.of(await store.replace_workout(_corrected(current, body)))


def _corrected(current: WorkoutRecord, body: Workout) -> WorkoutRecord:
    """The stored record with the athlete's version of the workout.

    Marked as reviewed, its exercise entries derived again and the change kept in its
    history.
    """
    if body.date.isoformat() != current.date:
        raise WorkoutDateChanged(
            "a workout's date is part of its id: delete it and log it again on the right date"
        )
    service_fields = {k: current.workout_data.get(k) for k in SERVICE_IDS}
    workout = body.model_copy(update={**service_fields, "workout_id": current.workout_id})
    workout.metadata = workout.metadata.model_copy(update={"user_verified": True})
    change = WorkoutChange(
        via="rest",
        summary="edited in the app",
        previous_date=current.date,
        previous_data=current.workout_data,
    )
    return indexed(
        current.model_copy(
            update={
                "date": workout.date.isoformat(),
                "discipline": workout.discipline,
                "workout_data": workout.model_dump(mode="json", exclude_none=True),
                "summary": describe_workout(workout),
                "extraction_metadata": current.extraction_metadata.model_copy(
                    update={"reviewed_by": "athlete", "reviewed_at": utc_now()}
                ),
                "changes": [*current.changes, change][-MAX_CHANGES:],
            }
        )
    )


@router.delete("/{workout_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_workout(workout_id: WorkoutId, user: UserDep, store: WorkoutStoreDep) -> None:
    """Delete a workout."""
    await store.delete_workout(user, workout_id)
