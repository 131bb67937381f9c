"""Progress over time, computed from the logged workouts: lift series, weekly totals, run paces.

Read-only and derived: nothing here is stored. Weights come back in the athlete's units
(their profile's `units`), distances in metres and times in seconds.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass

from pydantic import BaseModel

from agent.history_index import E1RM_MAX_REPS, e1rm, in_unit, structure
from extraction.numbers import METRES_PER
from extraction.schema import WeightUnit
from storage.models import PersonalRecord, WorkoutRecord
from storage.protocols import WorkoutStore

LIFTING = ("powerlifting", "olympic_weightlifting", "bodybuilding", "functional_bodybuilding")
"""Disciplines whose sets carry a weight and reps."""
RUNNING = ("running", "trail_running")
ENDURANCE = (*RUNNING, "cycling", "swimming", "rowing")
PAGE = 100


class RecordPublic(BaseModel):
    """The athlete's best for one exercise and measure."""

    exercise: str
    measure: str
    value: float
    unit: str | None = None
    higher_is_better: bool
    reps: int | None = None
    """The reps of the set, for a weight."""
    workout_id: str
    date: str

    @classmethod
    def of(cls, record: PersonalRecord) -> RecordPublic:
        """Map a stored personal record."""
        return cls.model_validate(record.model_dump())


class LiftPoint(BaseModel):
    """One session of one lift: its heaviest set and the best estimated one-rep max."""

    date: str
    workout_id: str
    top_set_weight: float
    top_set_reps: int | None = None
    e1rm: float | None = None
    """Epley: weight × (1 + reps / 30), best over the session's sets of 1-12 reps."""


class LiftSeries(BaseModel):
    """Every session of one lift, oldest first."""

    exercise: str
    points: list[LiftPoint]


class WeekTotals(BaseModel):
    """One discipline's totals in one week (weeks start on Monday)."""

    week: str
    discipline: str
    sessions: int
    duration_s: float
    """Sum of the durations that were logged; sessions without one add nothing."""
    volume: float
    """Sum of weight × reps over lifting sets, in `unit`."""
    distance_m: float


class RunPoint(BaseModel):
    """One run with a distance and a time."""

    date: str
    workout_id: str
    distance_m: float
    time_s: float
    pace_s_per_km: float


class ProgressPublic(BaseModel):
    """The athlete's progress between two dates (inclusive)."""

    date_from: str
    date_to: str
    unit: WeightUnit
    lifts: list[LiftSeries]
    weeks: list[WeekTotals]
    runs: list[RunPoint]


@dataclass(frozen=True, slots=True)
class _Set:
    weight: float
    reps: int | None


async def read_progress(
    store: WorkoutStore, user_id: str, date_from: dt.date, date_to: dt.date, unit: WeightUnit
) -> ProgressPublic:
    """Read the workouts between the dates (one key-range query per page) and sum them up."""
    workouts = [w async for w in _workouts(store, user_id, date_from, date_to)]
    return ProgressPublic(
        date_from=date_from.isoformat(),
        date_to=date_to.isoformat(),
        unit=unit,
        lifts=lift_series(workouts, unit),
        weeks=week_totals(workouts, unit),
        runs=run_points(workouts),
    )


async def _workouts(
    store: WorkoutStore, user_id: str, date_from: dt.date, date_to: dt.date
) -> AsyncIterator[WorkoutRecord]:
    next_token: str | None = None
    while True:
        page = await store.list_workouts(
            user_id,
            date_from=date_from.isoformat(),
            date_to=date_to.isoformat(),
            limit=PAGE,
            next=next_token,
            newest_first=False,
        )
        for workout in page.items:
            yield workout
        if page.next is None:
            return
        next_token = page.next


def lift_series(workouts: Iterable[WorkoutRecord], unit: WeightUnit) -> list[LiftSeries]:
    """Per lift, one point per session that has a weighted set, oldest first."""
    series: dict[str, list[LiftPoint]] = defaultdict(list)
    for workout in sorted(workouts, key=_chronological):
        for exercise, sets in _lifting_sets(workout, unit).items():
            if sets:
                series[exercise].append(_lift_point(workout, sets))
    return [LiftSeries(exercise=name, points=points) for name, points in sorted(series.items())]


def _lift_point(workout: WorkoutRecord, sets: list[_Set]) -> LiftPoint:
    top = max(sets, key=lambda s: (s.weight, s.reps or 0))
    estimates = [e1rm(s.weight, s.reps) for s in sets if s.reps and s.reps <= E1RM_MAX_REPS]
    return LiftPoint(
        date=workout.date,
        workout_id=workout.workout_id,
        top_set_weight=top.weight,
        top_set_reps=top.reps,
        e1rm=round(max(estimates), 1) if estimates else None,
    )


def week_totals(workouts: Iterable[WorkoutRecord], unit: WeightUnit) -> list[WeekTotals]:
    """Sessions, logged time, lifting volume and distance per discipline per week."""
    weeks: dict[tuple[str, str], WeekTotals] = {}
    for workout in workouts:
        day = dt.date.fromisoformat(workout.date)
        week = (day - dt.timedelta(days=day.weekday())).isoformat()
        key = (week, workout.discipline)
        totals = weeks.setdefault(
            key,
            WeekTotals(
                week=week,
                discipline=workout.discipline,
                sessions=0,
                duration_s=0,
                volume=0,
                distance_m=0,
            ),
        )
        totals.sessions += 1
        totals.duration_s += _duration(workout)
        totals.volume += sum(
            s.weight * s.reps
            for sets in _lifting_sets(workout, unit).values()
            for s in sets
            if s.reps
        )
        totals.distance_m += _distance_m(workout)
    for totals in weeks.values():
        totals.volume = round(totals.volume, 1)
    return [weeks[key] for key in sorted(weeks)]


def run_points(workouts: Iterable[WorkoutRecord]) -> list[RunPoint]:
    """Runs with both a distance and a time, oldest first, with their pace per km."""
    points = []
    for workout in sorted(workouts, key=_chronological):
        if workout.discipline not in RUNNING:
            continue
        distance, time = _distance_m(workout), structure(workout).get("total_time")
        if distance > 0 and time:
            points.append(
                RunPoint(
                    date=workout.date,
                    workout_id=workout.workout_id,
                    distance_m=round(distance, 1),
                    time_s=time,
                    pace_s_per_km=round(time / (distance / 1000), 1),
                )
            )
    return points


def _chronological(workout: WorkoutRecord) -> tuple[str, str]:
    return workout.date, workout.workout_id


def _lifting_sets(workout: WorkoutRecord, unit: WeightUnit) -> dict[str, list[_Set]]:
    """Completed weighted sets per exercise, weights in `unit`."""
    if workout.discipline not in LIFTING:
        return {}
    data = structure(workout)
    found: dict[str, list[_Set]] = {}
    for exercise in data.get("exercises") or data.get("lifts") or []:
        name = exercise.get("exercise_name") or exercise.get("lift_name")
        if not name:
            continue
        sets = found.setdefault(name, [])
        for one in exercise.get("sets") or []:
            weight = one.get("weight")
            if not weight or one.get("failed") or one.get("success") is False:
                continue
            sets.append(_Set(in_unit(weight["value"], weight["unit"], unit), one.get("reps")))
    return found


def _duration(workout: WorkoutRecord) -> float:
    data = workout.workout_data
    seconds = data.get("duration") or data.get("session_duration")
    if seconds is None and workout.discipline in ENDURANCE:
        seconds = structure(workout).get("total_time")
    return float(seconds or 0)


def _distance_m(workout: WorkoutRecord) -> float:
    if workout.discipline not in ENDURANCE:
        return 0.0
    data = structure(workout)
    distance = data.get("total_distance")
    if not distance:
        return 0.0
    unit = "m" if workout.discipline == "rowing" else data.get("distance_unit") or "m"
    return float(distance) * METRES_PER[unit]
