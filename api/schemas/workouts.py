"""Logged workouts: a correction in (a whole workout), the stored or just-logged workout out."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from api.schemas.common import RequestModel
from extraction.schema import Workout
from storage.models import WorkoutRecord


class WorkoutCorrection(Workout, RequestModel):
    """A corrected workout: a whole Universal Workout Schema workout."""


class WorkoutPublic(BaseModel):
    """A logged workout: its id plus the Universal Workout Schema fields (nulls left out)."""

    model_config = ConfigDict(extra="allow")

    workout_id: str
    date: str
    discipline: str

    @classmethod
    def of(cls, record: WorkoutRecord) -> WorkoutPublic:
        """Map a stored workout."""
        return cls.model_validate(
            {
                **record.workout_data,
                "workout_id": record.workout_id,
                "date": record.date,
                "discipline": record.discipline,
            }
        )

    @classmethod
    def of_workout(cls, workout: Workout, **extra: Any) -> WorkoutPublic:
        """Map a workout as a turn logged it (`extra`: the event's `action`, `change`)."""
        return cls.model_validate({**workout.model_dump(mode="json", exclude_none=True), **extra})
