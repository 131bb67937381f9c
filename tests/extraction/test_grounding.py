"""Numbers in an extraction must trace to the message; invented ones are reported."""

from __future__ import annotations

import datetime as dt
from typing import Any

from extraction import Workout, extract
from extraction.grounding import check_grounding

TODAY = dt.date(2025, 4, 10)


def _edit(workout: Workout, path: list[Any], value: Any) -> Workout:
    data = workout.model_dump()
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return Workout.model_validate(data)


def test_a_faithful_extraction_is_grounded() -> None:
    message = "Squats 5x5 @ 225 then 3 sets of 10 RDLs at 135"
    (workout,) = extract(message, today=TODAY)
    assert check_grounding(workout, message).ok


def test_an_invented_weight_is_flagged() -> None:
    message = "squats 5x5 @ 225"
    (workout,) = extract(message, today=TODAY)
    path = ["discipline_specific", "powerlifting", "exercises", 0, "sets", 2, "weight", "value"]
    report = check_grounding(_edit(workout, path, 245), message)
    assert not report.ok
    assert report.ungrounded == [
        "discipline_specific.powerlifting.exercises[0].sets[2].weight.value"
    ]


def test_an_invented_time_is_flagged() -> None:
    message = "Easy 10k this morning in 52:30"
    (workout,) = extract(message, today=TODAY)
    edited = _edit(workout, ["discipline_specific", "running", "total_time"], 3000)
    report = check_grounding(edited, message)
    assert "discipline_specific.running.total_time" in report.ungrounded


def test_conversions_and_derived_values_are_grounded() -> None:
    message = "bench 5x5 @ 225 lbs"
    (workout,) = extract(message, today=TODAY)
    path = ["discipline_specific", "powerlifting", "exercises", 0, "sets", 0, "weight"]
    in_kg = _edit(workout, path, {"value": 102.1, "unit": "kg"})
    assert check_grounding(in_kg, message).ok
    message = "6x800m at 2:55 each, 10k in 45:00 total"
    run = Workout.model_validate(
        {
            "date": "2025-04-10",
            "discipline": "running",
            "workout_type": "cardio",
            "discipline_specific": {
                "running": {
                    "total_distance": 10,
                    "distance_unit": "km",
                    "total_time": 2700,
                    "average_pace": "4:30",
                    "segments": [{"segment_number": 1, "distance": 800, "time": 175, "repeat": 6}],
                }
            },
        }
    )
    assert check_grounding(run, message).ok


def test_benchmark_prescription_is_grounded() -> None:
    message = "DT rx in 11:20"
    (workout,) = extract(message, today=TODAY)
    assert check_grounding(workout, message).ok
    path = ["workout_name"]
    assert not check_grounding(_edit(workout, path, "Custom"), message).ok
