"""Named benchmarks expand to their standard movements, schemes and Rx loads."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract
from extraction.named_workouts import BENCHMARKS, find, lookup, pair_scores
from extraction.schema import CrossfitData, Workout
from extraction.vocabulary import MOVEMENTS

TODAY = dt.date(2025, 4, 10)


def _crossfit(message: str, units: str = "lb") -> tuple[str | None, CrossfitData]:
    (workout,) = extract(message, today=TODAY, units=units)  # type: ignore[arg-type]
    assert workout.discipline == "crossfit"
    data = workout.discipline_specific.crossfit
    assert data is not None
    return workout.workout_name, data


def test_the_table_covers_the_named_benchmarks() -> None:
    for name in (
        "Fran Grace Isabel Helen Cindy Murph Diane Elizabeth Annie Karen Jackie DT Nancy Kelly "
        "Chelsea Barbara Angie Mary Nate Eva Amanda Linda Lynne Randy"
    ).split():
        assert lookup(name) is not None, name
    assert lookup("fight gone bad") and lookup("Filthy Fifty") and lookup("FGB")
    for bench in BENCHMARKS.values():
        assert all(part.name in MOVEMENTS for part in bench.parts), bench.name


@pytest.mark.parametrize(
    ("message", "name", "movements", "scheme", "fmt"),
    [
        ("fran 8:57", "Fran", ["thruster", "pull_up"], "21-15-9", "for_time"),
        ("Helen 11:48", "Helen", ["run", "kettlebell_swing", "pull_up"], "3 rounds", "for_time"),
        ("Cindy 20+7", "Cindy", ["pull_up", "push_up", "air_squat"], None, "amrap"),
        ("Annie 9:02", "Annie", ["double_under", "sit_up"], "50-40-30-20-10", "for_time"),
        (
            "DT in 11:20",
            "DT",
            ["deadlift", "hang_power_clean", "push_jerk"],
            "5 rounds",
            "for_time",
        ),
        ("did Chelsea", "Chelsea", ["pull_up", "push_up", "air_squat"], None, "emom"),
    ],
)
def test_name_only_expands(
    message: str, name: str, movements: list[str], scheme: str | None, fmt: str
) -> None:
    got_name, data = _crossfit(message)
    assert got_name == name
    assert [e.exercise_name for e in data.rounds[0].exercises] == movements
    assert data.rounds[0].rep_scheme == scheme
    assert data.workout_format == fmt


def test_rx_fills_the_prescribed_load_in_the_athletes_unit() -> None:
    _, data = _crossfit("Fran rx 4:30", units="kg")
    thruster = data.rounds[0].exercises[0]
    assert thruster.weight is not None
    assert (thruster.weight.value, thruster.weight.unit) == (43, "kg")


def test_without_rx_no_load_is_invented() -> None:
    _, data = _crossfit("Fran 4:30")
    assert data.rounds[0].exercises[0].weight is None


def test_said_load_goes_to_the_loaded_movement() -> None:
    _, data = _crossfit("Did Fran yesterday, scaled to 65# and banded pull-ups. 6:42")
    assert data.rx_status == "scaled"
    assert data.rounds[0].exercises[0].weight.value == 65  # type: ignore[union-attr]


def test_variation_of_a_movement_is_kept() -> None:
    _, data = _crossfit("Isabel at 43kg, 4:15. Power snatched every rep", units="kg")
    snatch = data.rounds[0].exercises[0]
    assert (snatch.exercise_name, snatch.variation) == ("snatch", "power snatched")


@pytest.mark.parametrize(
    "text",
    ["ran 5k with Mary", "had coffee with Karen", "Karen and I did squats", "saving grace"],
)
def test_people_are_not_benchmarks(text: str) -> None:
    assert find(text.lower(), text) is None


def _time(workout: Workout) -> float | None:
    data = workout.discipline_specific.crossfit
    return data.performance_data.total_time if data and data.performance_data else None


@pytest.mark.parametrize(
    "message",
    [
        "Fran and Grace: 6:10 and 3:30",
        "Fran & Grace - 6:10 & 3:30",
        "did fran and grace in 6:10 and 3:30",
        "Fran and Grace were 6:10 and 3:30",
    ],
)
def test_listed_benchmarks_take_their_scores_in_order(message: str) -> None:
    workouts = extract(message, today=TODAY)
    assert [(w.workout_name, _time(w)) for w in workouts] == [("Fran", 370), ("Grace", 210)]


def test_three_listed_benchmarks_share_the_sentences_date() -> None:
    message = "did Fran, Grace and Diane in 6:10, 3:30 and 7:45 yesterday"
    workouts = extract(message, today=TODAY)
    assert [(w.workout_name, _time(w)) for w in workouts] == [
        ("Fran", 370),
        ("Grace", 210),
        ("Diane", 465),
    ]
    assert {w.date for w in workouts} == {TODAY - dt.timedelta(days=1)}


def test_lists_of_different_lengths_are_not_paired() -> None:
    assert pair_scores("Fran and Grace: 6:10") == "Fran and Grace: 6:10"


@pytest.mark.parametrize(
    "message", ["half murph this morning, no vest, 38:12", "partner Grace 4:10"]
)
def test_a_benchmark_after_a_modifier_is_still_the_benchmark(message: str) -> None:
    (workout,) = extract(message, today=dt.date(2025, 4, 10))
    assert workout.workout_name in ("Murph", "Grace")
