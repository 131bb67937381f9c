"""Times, durations, weights and distances as athletes write them."""

from __future__ import annotations

from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extraction.numbers import (
    clock_to_seconds,
    find_distances,
    find_durations,
    find_weights,
    format_clock,
)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("8:57", 537), ("1:02:30", 3750), ("7:12.4", 432.4), ("0:45", 45), ("59:59", 3599)],
)
def test_clock_times(text: str, seconds: float) -> None:
    assert clock_to_seconds(text) == pytest.approx(seconds)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("45 min", 2700),
        ("45 minutes", 2700),
        ("an hour", 3600),
        ("half an hour", 1800),
        ("1h20", 4800),
        ("1 hr 20 min", 4800),
        ("2 hrs", 7200),
        ("5h48 moving", 20880),
        ("90 seconds", 90),
        ("30s", 30),
        ("took 8:57", 537),
    ],
)
def test_durations(text: str, seconds: float) -> None:
    assert find_durations(text)[0].value == pytest.approx(seconds)


def test_clock_on_a_wall_is_not_a_duration() -> None:
    assert find_durations("class at 6:30am") == []


@given(st.integers(min_value=0, max_value=99 * 3600))
def test_formatted_seconds_parse_back(seconds: int) -> None:
    assert clock_to_seconds(format_clock(seconds)) == seconds


@given(st.integers(min_value=0, max_value=3599), st.integers(min_value=1, max_value=9))
def test_tenths_survive_formatting(seconds: int, tenths: int) -> None:
    value = seconds + tenths / 10
    assert clock_to_seconds(format_clock(value)) == pytest.approx(value)


_UNITS: dict[str, Literal["lb", "kg"]] = {
    "lb": "lb", "lbs": "lb", "pounds": "lb", "pound": "lb", "#": "lb", "kg": "kg", "kgs": "kg",
    "kilos": "kg", "kilograms": "kg",
}  # fmt: skip


@given(
    st.decimals(min_value=1, max_value=999, places=1).map(float),
    st.sampled_from(sorted(_UNITS)),
    st.sampled_from(["", " "]),
)
def test_weights_with_any_unit_round_trip(value: float, unit: str, gap: str) -> None:
    text = f"{value:g}{gap}{unit}"
    (found,) = find_weights(f"did 5 reps at {text} today")
    assert (found.value, found.unit) == (value, _UNITS[unit])


def test_pood_converts_to_kilograms() -> None:
    assert find_weights("1.5 pood")[0].value == 24
    assert find_weights("1.5 pood")[0].unit == "kg"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("10k", 10, "km"),
        ("5 miles", 5, "mi"),
        ("2000m", 2000, "m"),
        ("7,250m", 7250, "m"),
        ("10,000 meters", 10000, "m"),
        ("13.2k", 13.2, "km"),
        ("10 miler", 10, "mi"),
        ("1650 yd", 1650, "yd"),
        ("a mile", 1, "mi"),
        ("half marathon", 21.0975, "km"),
    ],
)
def test_distances(text: str, value: float, unit: str) -> None:
    (span,) = find_distances(text)
    assert span.value == pytest.approx(value) and span.unit == unit


@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(["m", "km", "mi", "yd"]))
def test_distances_round_trip(value: int, unit: str) -> None:
    (span,) = find_distances(f"{value}{unit}")
    assert (span.value, span.unit) == (value, unit)


@given(st.lists(st.integers(0, 10_000), max_size=50))
def test_numbers_without_units_are_not_weights_or_distances(values: list[int]) -> None:
    text = " ".join(map(str, values))
    assert find_weights(text) == []
    assert find_distances(text) == []
