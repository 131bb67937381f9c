"""Confirmation lines."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract
from extraction.describe import describe_workout, exercise_label

TODAY = dt.date(2025, 4, 10)


@pytest.mark.parametrize(
    ("message", "line"),
    [
        (
            "Did Fran in 8:57 with 95 lb thrusters, RX",
            "Fran (for time): 8:57 — thruster 95 lb, pull-up",
        ),
        (
            "Squats 5x5 at 225 then 3 sets of 10 RDLs at 135",
            "back squat 5×5 @ 225 lb; Romanian deadlift 3×10 @ 135 lb",
        ),
        ("Easy 10k this morning in 52:30", "10 km easy run in 52:30 (5:15/km)"),
        (
            "Cindy - 20 rounds + 7",
            "Cindy (AMRAP 20 min): 20 rounds + 7 — pull-up, push-up, air squat",
        ),
        ("2000m erg 7:12.4", "2000 m row in 7:12.4 (1:48.1/500m)"),
        ("deadlift: 135x10, 185x5", "deadlift 1×10 @ 135 lb, 1×5 @ 185 lb"),
        ("rucked 6 miles with 35 lb", "rucking 6 mi with 35 lb"),
        ("5x5 strict pull-ups, plank 3x45s", "pull-up 5×5; plank 3×45 s"),
    ],
)
def test_lines(message: str, line: str) -> None:
    (workout,) = extract(message, today=TODAY)
    assert describe_workout(workout) == line


def test_labels() -> None:
    assert exercise_label("handstand_push_up") == "handstand push-up"
    assert exercise_label("bulgarian_split_squat") == "Bulgarian split squat"
