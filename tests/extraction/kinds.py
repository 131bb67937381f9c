"""What the by-kind extraction tests read from one message: facts, loads, metres, time."""

from __future__ import annotations

import datetime as dt
from typing import Any

from extraction import Workout, extract

from .scoring import METRES, facts

LIFTING_DAY = dt.date(2025, 4, 10)


def one_facts(message: str, units: str = "lb", today: dt.date = LIFTING_DAY) -> dict[str, Any]:
    """The one workout `message` logs, as the scorer's facts plus its discipline."""
    (workout,) = extract(message, today=today, units=units)  # type: ignore[arg-type]
    return {"discipline": workout.discipline, **facts(workout)}


def loads(found: dict[str, Any], name: str) -> set[tuple[float, str]]:
    """The loads `facts` recorded for exercise `name`."""
    return {(value, unit) for n, value, unit in found["weights"] if n == name}


def data(workout: Workout) -> Any:
    """The workout's discipline block."""
    return getattr(workout.discipline_specific, workout.discipline)


def metres(workout: Workout) -> float | None:
    """The workout's total distance in metres, if it has one."""
    block = data(workout)
    if block.total_distance is None:
        return None
    return float(block.total_distance * METRES[getattr(block, "distance_unit", None) or "m"])


def time_of(workout: Workout) -> float | None:
    """The session's time: its block's total time, else its duration."""
    return getattr(data(workout), "total_time", None) or workout.duration
