"""Endurance and session-level kinds the fourth dev corpus showed, one test per kind.

Each test uses sentences of its own (not the corpora's), so a fix by kind is checked on
text it was not tuned on.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from extraction import Workout, extract

TODAY = dt.date(2025, 6, 11)
"""A Wednesday."""
_METRES = {"m": 1.0, "km": 1000.0, "mi": 1609.344, "yd": 0.9144}


def _data(workout: Workout) -> Any:
    return getattr(workout.discipline_specific, workout.discipline)


def _metres(workout: Workout) -> float | None:
    data = _data(workout)
    if data.total_distance is None:
        return None
    return float(data.total_distance * _METRES[getattr(data, "distance_unit", None) or "m"])


def _time(workout: Workout) -> float | None:
    return getattr(_data(workout), "total_time", None) or workout.duration


@pytest.mark.parametrize(
    ("message", "disciplines"),
    [
        ("Easy spin 60 min, then in the evening 15 min stretching", ["cycling", "mobility"]),
        ("ran 8k in 41 min. In the night 25 min yoga", ["running", "yoga"]),
    ],
)
def test_a_later_part_of_the_day_said_only_once_starts_a_session(
    message: str, disciplines: list[str]
) -> None:
    workouts = extract(message, today=TODAY)
    assert [w.discipline for w in workouts] == disciplines
    assert _time(workouts[1]) is not None


def test_sat_before_was_is_saturday() -> None:
    (workout,) = extract("sat was a 12k long run, legs heavy", today=TODAY)
    assert workout.date == dt.date(2025, 6, 7)
