"""Strength and WOD phrasing by kind, second round: shorthand names, shared and carried loads.

Each test names a kind of phrasing (not a corpus sentence) and checks it with a few
spellings, so a fix covers the kind rather than one message.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract

from .kinds import loads as _loads
from .kinds import one_facts as _one

TODAY = dt.date(2025, 4, 10)


@pytest.mark.parametrize(
    "message",
    [
        "bench 5x5 @ 185, then incline 3x12 @ 135",
        "bench: sets of 5 at 185. incline 3 sets of 12 at 135",
        "Bench 5x5 185\nIncline: 3x12 135",
    ],
)
def test_incline_alone_after_bench_is_the_incline_bench(message: str) -> None:
    found = _one(message)
    assert found["sets"]["incline_bench_press"] == [12, 12, 12]
    assert _loads(found, "incline_bench_press") == {(135, "lb")}
    assert _loads(found, "bench_press") == {(185, "lb")}


@pytest.mark.parametrize(
    "message", ["30 min walk on the treadmill, incline 12", "incline walk 30 min at 12"]
)
def test_a_treadmill_incline_is_no_lift(message: str) -> None:
    assert _one(message)["names"] == []


@pytest.mark.parametrize(
    ("message", "name"),
    [("db incline 4x12 @ 50s", "incline_dumbbell_press"), ("incline 4x10", "incline_bench_press")],
)
def test_incline_with_its_implement(message: str, name: str) -> None:
    assert _one(message)["names"] == [name]


@pytest.mark.parametrize(
    "message",
    [
        "leg extensions + curls superset 3 rounds",
        "leg ext and curls 3x12",
        "quad extensions superset with curls, 4 sets",
    ],
)
def test_curls_paired_with_leg_extensions_are_leg_curls(message: str) -> None:
    assert _one(message)["names"] == ["leg_extension", "leg_curl"]


def test_curls_on_their_own_stay_biceps_curls() -> None:
    assert _one("leg extensions 3x12, then curls 3x10")["names"] == [
        "leg_extension",
        "bicep_curl",
    ]


@pytest.mark.parametrize(
    ("message", "lifts"),
    [
        ("power clean + push jerk 5x2 @ 100kg", ["power_clean", "push_jerk"]),
        ("snatch pull + snatch: 4 sets of 2 at 80kg", ["snatch_pull", "snatch"]),
        ("hang clean + front squat + jerk 5x1 @ 100kg", ["hang_clean", "front_squat", "jerk"]),
    ],
)
def test_lifts_joined_by_plus_share_their_sets_and_load(message: str, lifts: list[str]) -> None:
    found = _one(message, units="kg")
    assert found["names"] == lifts
    for lift in lifts:
        assert _loads(found, lift) == {(100 if "80" not in message else 80, "kg")}
        assert len(found["sets"][lift]) in (4, 5)


@pytest.mark.parametrize(
    ("message", "reps"),
    [
        ("hang power clean + jerk complex, 5 x (2+1) @ 70kg", {"hang_power_clean": 2, "jerk": 1}),
        ("snatch pull + snatch 4x(1+1) @ 70kg", {"snatch_pull": 1, "snatch": 1}),
        ("clean + front squat + jerk, 3 x (1+2+1) @ 70kg", {"clean": 1, "front_squat": 2,
                                                            "jerk": 1}),
    ],
)  # fmt: skip
def test_complex_reps_in_brackets_are_each_lifts_reps(message: str, reps: dict[str, int]) -> None:
    found = _one(message, units="kg")
    assert found["score"] is None and found["discipline"] == "olympic_weightlifting"
    for lift, count in reps.items():
        assert set(found["sets"][lift]) == {count}
        assert _loads(found, lift) == {(70, "kg")}


def test_a_rounds_score_in_brackets_is_still_a_score() -> None:
    assert _one("amrap 12: 5 pull ups, 10 push ups. 8 rounds (8+3)")["score"] == "8+3"


def test_a_wod_couplet_joined_by_plus_shares_the_load() -> None:
    found = _one("EMOM 12 power clean + push jerk @ 100kg", units="kg")
    assert _loads(found, "power_clean") == _loads(found, "push_jerk") == {(100, "kg")}
    found = _one("EMOM 10: 10 burpees + 10 wall balls @ 20lb")
    assert _loads(found, "burpee") == set()


@pytest.mark.parametrize(
    ("message", "lift", "first"),
    [
        ("100 swings with the 35lb bell, then 5x5 goblet squats same bell", "goblet_squat",
         "kettlebell_swing"),
        ("bench 5x5 @ 100kg, then 3x8 close grip same weight", "close_grip_bench_press",
         "bench_press"),
        ("db press 3x10 w/ 30s, db rows 3x10 same dbs", "dumbbell_row", "dumbbell_bench_press"),
    ],
)  # fmt: skip
def test_same_bell_carries_the_last_load(message: str, lift: str, first: str) -> None:
    found = _one(message)
    assert _loads(found, lift) == _loads(found, first) != set()


def test_a_lift_with_its_own_load_keeps_it_after_same() -> None:
    found = _one("squat 5x5 @ 100kg, then lunges 3x10 @ 20kg, same bar for both")
    assert _loads(found, "lunge") == {(20, "kg")}


@pytest.mark.parametrize(
    "message",
    [
        "100 kb swings @ 24kg broken up in 20s",
        "100 swings with the 24kg bell, broken into sets of 20",
        "kb workout: 100 swings 24kg split into 20s",
    ],
)
def test_reps_broken_up_into_sets_are_sets_not_a_load(message: str) -> None:
    found = _one(message)
    assert found["sets"] == {"kettlebell_swing": [20] * 5}
    assert _loads(found, "kettlebell_swing") == {(24, "kg")}


@pytest.mark.parametrize(
    ("message", "made", "missed"),
    [
        ("C&J day - 120/125/130 ✅ 135 missed the jerk", [120, 125, 130], 135),
        ("snatch 80/85/88, missed 90", [80, 85, 88], 90),
        ("clean and jerk: 100/105 then 110 missed", [100, 105], 110),
    ],
)
def test_a_missed_attempt_after_made_ones_is_a_failed_attempt(
    message: str, made: list[int], missed: int
) -> None:
    (workout,) = extract(message, today=TODAY, units="kg")
    (lift,) = workout.discipline_specific.olympic_weightlifting.lifts  # type: ignore[union-attr]
    assert [s.weight.value for s in lift.sets if s.weight] == [*made, missed]
    assert [s.success for s in lift.sets] == [None] * len(made) + [False]


@pytest.mark.parametrize("message", ["missed my workout yesterday", "missed 3 sessions this week"])
def test_a_missed_session_is_still_no_log(message: str) -> None:
    assert extract(message, today=TODAY) == []


@pytest.mark.parametrize(
    ("message", "lift", "sets", "load"),
    [
        ("sled push 8 x 25m at 152kg", "sled_push", 8, 152),
        ("farmers carry 4x40m w 32kg", "farmers_carry", 4, 32),
        ("walking lunges 3 x 20m with 20kg dbs", "lunge", 3, 20),
    ],
)
def test_sets_counted_in_distance_are_sets_not_reps(
    message: str, lift: str, sets: int, load: float
) -> None:
    found = _one(message, units="kg")
    assert found["sets"] == {lift: [None] * sets}
    assert _loads(found, lift) == {(load, "kg")}


def test_a_runs_distance_sets_stay_a_run() -> None:
    assert _one("8 x 400m at 5k pace")["discipline"] == "running"


@pytest.mark.parametrize(
    ("message", "work", "rest"),
    [
        ("30 min HIIT, one of those 40 on 20 off ones: burpees, jumping jacks", 40, 20),
        ("HIIT 30 min: 45 on, 15 off, burpees and mountain climbers", 45, 15),
        ("HIIT class 20 min, 1 min on / 30s off, burpees", 60, 30),
    ],
)
def test_work_and_rest_said_plainly_are_intervals(message: str, work: float, rest: float) -> None:
    (workout,) = extract(message, today=TODAY)
    hiit = workout.discipline_specific.hiit
    assert hiit is not None and hiit.protocol == "intervals"
    assert (hiit.work_duration, hiit.rest_duration) == (work, rest)


@pytest.mark.parametrize(
    "message", ["Rest-pause leg press: 300kg x 12 + 5 + 3", "rest pause leg press 300kg x 12"]
)
def test_a_rest_pause_set_is_no_rest_day(message: str) -> None:
    assert _loads(_one(message), "leg_press") == {(300, "kg")}


@pytest.mark.parametrize(
    ("message", "name"),
    [("frann today 6:42 scaled", "Fran"), ("Hellen 11:40 rx", "Helen"), ("dianne 7:55", "Diane")],
)
def test_a_benchmark_name_with_a_letter_typed_twice(message: str, name: str) -> None:
    assert _one(message)["discipline"] == "crossfit"
    (workout,) = extract(message, today=TODAY)
    assert workout.workout_name == name


def test_a_doubled_name_without_a_score_is_a_person() -> None:
    (workout,) = extract("ran 5k with Dianne this morning", today=TODAY)
    assert workout.workout_name is None
