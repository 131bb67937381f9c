"""The comparable bests in a workout, for PR detection against the athlete's history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .numbers import KG_PER_LB, METRES_PER
from .schema import Workout

Measure = Literal["weight", "time", "reps", "distance", "rounds"]

# Standard run and row distances get their usual names ("run_5k"); others are keyed by value
# and unit ("ride_42km").
_STANDARD_METRES = {
    "500m": 500, "1k": 1000, "1mi": 1609.344, "2k": 2000, "5k": 5000, "6k": 6000,
    "10k": 10000, "half_marathon": 21097.5, "marathon": 42195,
}  # fmt: skip
_ENDURANCE = {
    "running": "run", "trail_running": "trail_run", "cycling": "ride", "swimming": "swim",
    "rowing": "row",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Performance:
    """One comparable result: the heaviest back squat, a Fran time, a 5k time."""

    exercise: str
    measure: Measure
    value: float
    unit: str | None
    higher_is_better: bool


def performances(w: Workout) -> list[Performance]:
    """The comparable bests in a workout, the candidates for a personal record.

    Heaviest weight per lift, max reps per bodyweight movement, a benchmark's time or rounds,
    and the time for a run, ride, swim or row.
    """
    data = getattr(w.discipline_specific, w.discipline).model_dump(exclude_none=True)
    if w.discipline == "crossfit":
        return _benchmark(w, data)
    if w.discipline in _ENDURANCE:
        return _endurance(w, data)
    return _lifts(data.get("exercises") or data.get("lifts") or [])


def _lifts(exercises: list[dict[str, Any]]) -> list[Performance]:
    best: dict[str, Performance] = {}
    for exercise in exercises:
        name = exercise.get("exercise_name") or exercise["lift_name"]
        for one in exercise.get("sets", []):
            if one.get("failed") or one.get("success") is False:
                continue
            weight = one.get("weight")
            if weight:
                found = Performance(name, "weight", weight["value"], weight["unit"], True)
            elif one.get("reps"):
                found = Performance(name, "reps", float(one["reps"]), "reps", True)
            else:
                continue
            if _better(found, best.get(name)):
                best[name] = found
    return list(best.values())


def _better(new: Performance, old: Performance | None) -> bool:
    if old is None:
        return True
    if new.measure != old.measure:
        return new.measure == "weight"
    return _kg(new) > _kg(old)


def _kg(p: Performance) -> float:
    return p.value * KG_PER_LB if p.unit == "lb" else p.value


def _benchmark(w: Workout, data: dict[str, Any]) -> list[Performance]:
    if not w.workout_name:
        return []
    key = w.workout_name.lower().replace(" ", "_")
    performance = data.get("performance_data") or {}
    score = performance.get("score") or {}
    if score.get("type") == "time":
        return [Performance(key, "time", float(score["value"]), "s", False)]
    if score.get("type") == "rounds":
        rounds = performance.get("rounds_completed", 0)
        reps = performance.get("additional_reps", 0)
        per_round = _reps_per_round(data)
        value = rounds + (reps / per_round if per_round else reps / 1000)
        return [Performance(key, "rounds", round(value, 3), "rounds", True)]
    if score.get("type") == "reps":
        return [Performance(key, "reps", float(score["value"]), "reps", True)]
    return []


def _reps_per_round(data: dict[str, Any]) -> int:
    """Reps in one round, when every movement's reps are known (0 otherwise)."""
    exercises = [e for group in data.get("rounds", []) for e in group.get("exercises", [])]
    reps: list[int] = [(e.get("reps") or {}).get("prescribed") or 0 for e in exercises]
    return sum(reps) if exercises and all(reps) else 0


def _endurance(w: Workout, data: dict[str, Any]) -> list[Performance]:
    distance, time = data.get("total_distance"), data.get("total_time")
    if not distance or time is None:
        return []
    unit = "m" if w.discipline == "rowing" else data.get("distance_unit") or "m"
    metres = distance * METRES_PER[unit]
    standard = w.discipline in ("running", "trail_running", "rowing")
    label = next(
        (name for name, m in _STANDARD_METRES.items() if standard and abs(metres - m) <= 0.002 * m),
        f"{distance:g}{unit}",
    )
    return [Performance(f"{_ENDURANCE[w.discipline]}_{label}", "time", float(time), "s", False)]
