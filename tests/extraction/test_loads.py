"""Where a load sits in set notation: after its sets, after "with", as a dumbbell pair, as a
list of single sets; and which unit a bare load takes (the last one stated before it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extraction import extract
from extraction.number_words import digits_for_words

from .test_parser import _sets

TODAY = dt.date(2025, 6, 12)
_ATTEMPTS = [(None, 112, None), (None, 117, None), (None, 120, None)]
_LIFTS = [("bench", "bench_press"), ("back squat", "back_squat"), ("ohp", "overhead_press")]


@given(st.sampled_from(_LIFTS), st.integers(2, 6), st.integers(1, 15), st.integers(20, 600))
def test_a_bare_number_after_sets_is_their_load(
    lift: tuple[str, str], count: int, reps: int, load: int
) -> None:
    said, name = lift
    assert _sets(f"{said} {count}x{reps} {load}") == {name: [(reps, load, None)] * count}
    assert _sets(f"{count}x{reps} {said} {load}") == {name: [(reps, load, None)] * count}


@given(st.sampled_from(_LIFTS), st.lists(st.integers(20, 600), min_size=2, max_size=5))
def test_a_list_of_bare_loads_is_one_set_each(lift: tuple[str, str], loads: list[int]) -> None:
    said, name = lift
    got = _sets(f"{said} singles: {', '.join(map(str, loads))}")
    assert got == {name: [(1, load, None) for load in loads]}
    attempts = _sets(f"{said} {' '.join(map(str, loads))}")
    assert [load for _, load, _ in attempts[name]] == loads


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("curls 3x12 w 30s", {"bicep_curl": [(12, 30, None)] * 3}),
        ("leg press 4x12 with like 400", {"leg_press": [(12, 400, None)] * 4}),
        ("goblet squats 3x12 with a 50", {"goblet_squat": [(12, 50, None)] * 3}),
        ("incline db press 4x10 70s", {"incline_dumbbell_press": [(10, 70, None)] * 4}),
        ("pull ups 3x5 at +45 lb", {"pull_up": [(5, 45, "lb")] * 3}),
        ("bench 3x5 185, 2 min rest", {"bench_press": [(5, 185, None)] * 3}),
        ("squat 3x5 in 20 min", {"back_squat": [(5, None, None)] * 3}),
        ("cj 112 117 120. total 209", {"clean_and_jerk": _ATTEMPTS}),
        ("pull ups 3x5 at 20 lb, bw 180", {"pull_up": [(5, 20, "lb")] * 3}),
    ],
)  # fmt: skip
def test_load_notations(text: str, expected: dict[str, list[tuple[Any, ...]]]) -> None:
    assert _sets(text) == expected


def _loads(text: str, units: str) -> list[tuple[str, float, str]]:
    [workout] = extract(text, today=TODAY, units=units)  # type: ignore[arg-type]
    data = getattr(workout.discipline_specific, workout.discipline)
    return [
        (e.exercise_name, s.weight.value, s.weight.unit)
        for e in data.exercises
        for s in e.sets[:1]
        if s.weight
    ]


@given(st.sampled_from(["kg", "lb"]), st.integers(40, 200), st.integers(40, 200))
def test_a_unit_stated_later_does_not_reach_back(unit: str, first: int, second: int) -> None:
    other = "kg" if unit == "lb" else "lb"
    text = f"ohp 5x5 @ {first}, bench 3x8 @ {second}{unit}"
    assert _loads(text, other) == [
        ("overhead_press", first, other),
        ("bench_press", second, unit),
    ]


def test_a_unit_carries_from_one_session_to_the_next() -> None:
    text = "yesterday bench 5x5 @ 100kg. today squat 5x5 @ 140"
    workouts = extract(text, today=TODAY, units="lb")
    units = [
        s.weight.unit
        for w in workouts
        for e in w.discipline_specific.powerlifting.exercises  # type: ignore[union-attr]
        for s in e.sets
        if s.weight
    ]
    assert set(units) == {"kg"}


@pytest.mark.parametrize(("said", "digits"), [("the sixties", "the 60s"), ("Forties", "40s")])
def test_dumbbells_by_their_tens(said: str, digits: str) -> None:
    assert digits_for_words(said) == digits


@pytest.mark.parametrize(
    ("text", "exercise", "value"),
    [
        ("DT @ 115, 14:10", "deadlift", 115),
        ("Grace 4:45 @ 135", "clean_and_jerk", 135),
        ("Helen 10:59 with the 24", "kettlebell_swing", 24),
    ],
)
def test_a_benchmark_load_said_without_a_unit(text: str, exercise: str, value: float) -> None:
    [workout] = extract(text, today=TODAY, units="lb")
    assert workout.discipline_specific.crossfit is not None
    loads = {
        e.exercise_name: e.weight.value
        for r in workout.discipline_specific.crossfit.rounds
        for e in r.exercises
        if e.weight
    }
    assert loads[exercise] == value


def test_a_movement_named_with_a_sport_word_is_no_sport() -> None:
    [workout] = extract("bench 3x8 185, dumbbell rows 3x10 with the 60s", today=TODAY)
    assert workout.discipline in ("powerlifting", "bodybuilding")


@given(
    st.sampled_from(["pull ups", "push ups", "dips"]),
    st.lists(st.integers(3, 30), min_size=2, max_size=5),
)
def test_a_list_of_counts_is_one_set_each(said: str, reps: list[int]) -> None:
    name = {"pull ups": "pull_up", "push ups": "push_up", "dips": "dip"}[said]
    got = _sets(f"{said}: {', '.join(map(str, reps))}")
    assert [r for r, _, _ in got[name]] == reps


def test_plates_are_no_load_of_their_number() -> None:
    assert _sets("hack squat 4x10 w 3 plates a side") == {"hack_squat": [(10, None, None)] * 4}


def test_a_dumbbell_pair_before_its_sets() -> None:
    got = _sets("incline db press 70s 3x10")
    assert got == {"incline_dumbbell_press": [(10, 70, None)] * 3}
