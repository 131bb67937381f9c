"""Dumbbells said by their load or their hands: a pair "the 70s" is a load, not seconds, and
a bar lift whose own item says dumbbells is their version."""

from __future__ import annotations

import pytest

from extraction.lifter_talk import rewrite_lifter_talk

from .kinds import loads, one_facts


@pytest.mark.parametrize(
    ("message", "units", "name", "load"),
    [
        ("rows 3x10 w/ the 70s each arm", "lb", "dumbbell_row", (70.0, "lb")),
        ("bench 4x8 with both 80s", "lb", "dumbbell_bench_press", (80.0, "lb")),
        ("incline press 3x12 with the 22.5s", "kg", "incline_dumbbell_press", (22.5, "kg")),
        ("shoulder press 3x10 with a pair of 25s", "lb", "dumbbell_shoulder_press", (25.0, "lb")),
        ("rows 3x12 w/ 32kg dbs", "kg", "dumbbell_row", (32.0, "kg")),
        ("press 3x8 each arm @ 40", "lb", "dumbbell_shoulder_press", (40.0, "lb")),
    ],
)
def test_a_bar_lift_said_with_dumbbells_is_their_version_at_that_load(
    message: str, units: str, name: str, load: tuple[float, str]
) -> None:
    found = one_facts(message, units)
    assert name in found["names"]
    assert load in loads(found, name)


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("rows 3x8 @ 135", "barbell_row"),  # no dumbbell said
        ("bench 5x5 225, incline db 3x10 70s", "bench_press"),  # the dumbbells are the next item's
        ("bench 3x5 @ 100kg; then db flyes", "bench_press"),
    ],
)
def test_a_bar_lift_keeps_its_bar_when_its_own_item_says_no_dumbbells(
    message: str, name: str
) -> None:
    assert name in one_facts(message, "kg")["names"]


@pytest.mark.parametrize(
    "text",
    [
        "intervals: the 20s on, 10s off x 8",
        "3 rounds, the 30s rest between",
        "ran the 400s in 75 each",
        "side plank, the 45s hold felt long",
        "strides: the 100s felt smooth",
    ],
)
def test_seconds_and_track_repeats_are_no_dumbbells(text: str) -> None:
    assert rewrite_lifter_talk(text, "lb") == text
