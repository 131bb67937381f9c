"""Derive a workout's exercise entries and their bests, which the store keeps beside it.

Every path that writes a workout (a chat log, a chat correction, a REST PUT) calls
`indexed`, so the per-exercise history and the bests always follow the workout itself.
Lifts give a top set, estimated 1RM (Epley, sets of 1-12 reps), volume and rep maxes;
benchmarks their score; runs, rides, swims and rows the time of the whole distance (a 5k
best comes from a 5k effort only, never from part of a longer run).
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from extraction.numbers import KG_PER_LB, METRES_PER
from extraction.records import Performance, performances
from extraction.schema import Workout
from storage.models import Best, ExerciseEntry, WorkoutRecord

E1RM_MAX_REPS = 12
"""Epley's estimate is only meaningful for low-rep sets."""


def indexed(record: WorkoutRecord) -> WorkoutRecord:
    """The record with its exercise entries derived from its `workout_data`."""
    return record.model_copy(update={"exercises": exercise_entries(record)})


def exercise_entries(record: WorkoutRecord) -> list[ExerciseEntry]:
    """One entry per exercise, benchmark or endurance distance in the workout."""
    block = structure(record)
    exercises = block.get("exercises") or block.get("lifts")
    if isinstance(exercises, list) and exercises:
        return [e for e in (_set_entry(record, x) for x in exercises) if e is not None]
    try:
        workout = Workout.model_validate(record.workout_data)
    except ValidationError:
        return []
    return [_performance_entry(record, p) for p in performances(workout)]


def structure(record: WorkoutRecord) -> dict[str, Any]:
    """The workout's `discipline_specific` block for its own discipline."""
    specific = record.workout_data.get("discipline_specific") or {}
    block = specific.get(record.discipline)
    return block if isinstance(block, dict) else {}


def to_kg(value: float, unit: str | None) -> float:
    """A weight in kg (weights without a unit are taken as logged)."""
    return value * KG_PER_LB if unit == "lb" else value


def in_unit(value: float, given: str | None, wanted: str) -> float:
    """A weight converted to `wanted` (`lb` or `kg`), to 0.1."""
    if given == wanted or given is None:
        return float(value)
    kg = to_kg(value, given)
    return round(kg if wanted == "kg" else kg / KG_PER_LB, 1)


def e1rm(weight: float, reps: int) -> float:
    """Epley's estimated one-rep max."""
    return weight * (1 + reps / 30) if reps > 1 else weight


def _set_entry(record: WorkoutRecord, exercise: dict[str, Any]) -> ExerciseEntry | None:
    name = exercise.get("exercise_name") or exercise.get("lift_name")
    if not isinstance(name, str) or not name:
        return None
    done = [
        s
        for s in exercise.get("sets") or []
        if isinstance(s, dict) and not s.get("failed") and s.get("success") is not False
    ]
    weighted = [s for s in done if (s.get("weight") or {}).get("value")]
    entry = ExerciseEntry(
        exercise=_key(name),
        workout_id=record.workout_id,
        date=record.date,
        discipline=record.discipline,
        sets=len(done) or None,
        reps=sum(int(s.get("reps") or 0) for s in done) or None,
    )
    if not weighted:
        most = max((int(s.get("reps") or 0) for s in done), default=0)
        if most:
            entry.bests = [Best(measure="reps", value=most, unit="reps", rank_value=most)]
        return entry
    top = max(
        weighted,
        key=lambda s: (to_kg(s["weight"]["value"], s["weight"].get("unit")), s.get("reps") or 0),
    )
    unit = top["weight"].get("unit")
    sets = [
        (in_unit(s["weight"]["value"], s["weight"].get("unit"), unit or "kg"), s.get("reps"))
        for s in weighted
    ]
    estimates = [e1rm(w, r) for w, r in sets if r and r <= E1RM_MAX_REPS]
    rep_maxes: dict[str, float] = {}
    for weight, reps in sets:
        if reps:
            rep_maxes[str(reps)] = max(weight, rep_maxes.get(str(reps), 0.0))
    entry.top_weight, entry.top_reps, entry.unit = (
        float(top["weight"]["value"]),
        top.get("reps"),
        unit,
    )
    entry.volume = round(sum(w * r for w, r in sets if r), 1)
    entry.rep_maxes = rep_maxes
    entry.bests = [
        Best(
            measure="weight",
            value=entry.top_weight,
            unit=unit,
            rank_value=to_kg(entry.top_weight, unit),
            reps=entry.top_reps,
        )
    ]
    if estimates:
        entry.e1rm = round(max(estimates), 1)
        entry.bests.append(
            Best(measure="e1rm", value=entry.e1rm, unit=unit, rank_value=to_kg(entry.e1rm, unit))
        )
    return entry


def _performance_entry(record: WorkoutRecord, p: Performance) -> ExerciseEntry:
    entry = ExerciseEntry(
        exercise=_key(p.exercise),
        workout_id=record.workout_id,
        date=record.date,
        discipline=record.discipline,
        bests=[
            Best(
                measure=p.measure,
                value=p.value,
                unit=p.unit,
                higher_is_better=p.higher_is_better,
                rank_value=p.value,
            )
        ],
    )
    if p.measure == "time":
        entry.time_s = p.value
    elif p.measure == "rounds":
        entry.rounds = p.value
    elif p.measure == "reps":
        entry.reps = int(p.value)
    block = structure(record)
    distance = block.get("total_distance")
    if isinstance(distance, int | float) and distance > 0:
        unit = "m" if record.discipline == "rowing" else block.get("distance_unit") or "m"
        entry.distance_m = round(distance * METRES_PER.get(unit, 1.0), 1)
    return entry


def _key(name: str) -> str:
    """A name usable inside a sort key (no `#`)."""
    return name.replace("#", "_")[:200]
