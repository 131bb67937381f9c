"""Strength and WOD notation by kind: how lifters write sets, loads and classes.

Each test names a kind of phrasing (not a corpus sentence) and checks it with a few
spellings, so a fix covers the kind rather than one message.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract

from .kinds import loads as _loads
from .kinds import one_facts as _one
from .scoring import facts

TODAY = dt.date(2025, 4, 10)


@pytest.mark.parametrize(
    ("message", "lift", "reps", "load"),
    [
        ("class today: back squat 5x3 @ 275, then metcon 21-15-9 thrusters and burpees, 9:30",
         "back_squat", [3] * 5, 275),
        ("Strength: front squat 5-5-5-5-5 @ 205\nMetcon: 21-15-9 wall balls / C2B\nTime: 9:48",
         "front_squat", [5] * 5, 205),
        ("power clean 5x3 @ 185 then 3 rounds of 10 pull ups 20 push ups", "power_clean",
         [3] * 5, 185),
        ("Deadlift 3RM: 405#. Then Cindy, 20 min: 17 rounds even", "deadlift", [3], 405),
    ],
)  # fmt: skip
def test_a_lift_then_a_wod_is_one_class_that_keeps_the_lifts_sets(
    message: str, lift: str, reps: list[int], load: float
) -> None:
    found = _one(message)
    assert found["discipline"] == "crossfit"
    assert found["sets"][lift] == reps
    assert (load, "lb") in _loads(found, lift)
    assert len(set(found["names"]) - {lift}) >= 2  # the WOD's movements are kept too


def test_time_passing_between_a_lift_and_a_wod_makes_two_sessions() -> None:
    assert len(extract("bench 5x5 @ 185. later did Grace in 4:10", today=TODAY)) == 2


@pytest.mark.parametrize(
    "message",
    [
        "Tempo squats 3-1-1-0, 4 x 6 @ 90kg",
        "back squat @ 31X1 4x6 at 90kg",
        "back squat 4x6 @ 90kg w 31X1 tempo",
        "back squat (tempo 3010) 4x6 90kg",
        "back squat 4x6 @ 90kg, tempo 3-1-1",
    ],
)
def test_a_tempo_code_is_neither_a_load_nor_a_rep_scheme(message: str) -> None:
    found = _one(message)
    assert found["discipline"] != "crossfit"
    assert found["sets"] == {"back_squat": [6, 6, 6, 6]}
    assert _loads(found, "back_squat") == {(90, "kg")}


def test_a_distance_ladder_next_to_tempo_is_no_tempo_code() -> None:
    from extraction.lifter_talk import rewrite_lifter_talk

    assert "3-2-1 km" in rewrite_lifter_talk("tempo run 3-2-1 km", "kg")


@pytest.mark.parametrize(
    ("message", "load"),
    [
        ("PULLED 600!!! finally", (600, "lb")),
        ("pulled 240kg for a double", (240, "kg")),
        ("pulled 500 for a double then 3x8 RDL at 100 kg", (500, "lb")),
    ],
)
def test_pulled_with_a_load_is_a_deadlift(message: str, load: tuple[float, str]) -> None:
    assert load in _loads(_one(message), "deadlift")


def test_pulled_with_a_distance_stays_a_row() -> None:
    (workout,) = extract("pulled 2k in 7:05 on the erg", today=TODAY)
    assert workout.discipline == "rowing"


@pytest.mark.parametrize(
    ("message", "load"),
    [
        ("bench: 5x5 @ 120kg (265 lb) all smooth", (120, "kg")),
        ("Back squat 3RM: 245# (111 kg)", (245, "lb")),
        ("deadlift 3x3 180kg/397lb", (180, "kg")),
    ],
)
def test_a_load_repeated_in_the_other_unit_is_one_load(
    message: str, load: tuple[float, str]
) -> None:
    found = _one(message)
    (name,) = set(found["names"])
    assert _loads(found, name) == {load}


@pytest.mark.parametrize(
    ("message", "units", "name", "load"),
    [
        ("Bench today 2 plates for 3 sets of 5", "lb", "bench_press", (225, "lb")),
        ("squat 3 plates x 2, then 275 for 3 sets of 6", "lb", "back_squat", (315, "lb")),
        ("deadlift @ 4 plates for a single", "lb", "deadlift", (405, "lb")),
        ("squat 2 plates x 5", "kg", "back_squat", (100, "kg")),
        ("weighted pull ups 3x5 w/ a 45 plate", "lb", "pull_up", (45, "lb")),
    ],
)
def test_a_load_in_plates_is_the_bars_weight(
    message: str, units: str, name: str, load: tuple[float, str]
) -> None:
    assert load in _loads(_one(message, units), name)


def test_a_later_load_is_not_read_as_a_rep_count() -> None:
    found = _one("squat 315 x 2, then 275 for 3 sets of 6")
    assert found["sets"]["back_squat"] == [2, 6, 6, 6]
    assert (275, "lb") in _loads(found, "back_squat")


def test_a_rep_count_per_set_after_the_set_count() -> None:
    assert _one("pull ups 3 x 10, 8, 6")["sets"] == {"pull_up": [10, 8, 6]}


def test_reps_said_with_got_before_any_set_do_not_crash() -> None:
    found = _one("muscle up practice, got 3 clean singles!! then hspu negatives 4x3")
    assert "handstand_push_up" in found["names"]


@pytest.mark.parametrize(
    ("message", "lift", "reps", "top"),
    [
        ("ohp 5-5-5-3-3-3 up to 115", "overhead_press", [5, 5, 5, 3, 3, 3], 115),
        ("Bench: 5-5-5-3-3-1 going up to 225", "bench_press", [5, 5, 5, 3, 3, 1], 225),
        ("back squats 5-3-1 working up to 315", "back_squat", [5, 3, 1], 315),
    ],
)
def test_a_lifts_rep_scheme_is_its_sets_with_the_top_load_on_the_last(
    message: str, lift: str, reps: list[int], top: float
) -> None:
    found = _one(message)
    assert found["discipline"] != "crossfit"
    assert found["sets"][lift] == reps
    assert found["weights"] == [(lift, top, "lb")]


def test_a_wod_rep_scheme_stays_a_wod() -> None:
    assert _one("21-15-9 thrusters and pull ups 6:10")["discipline"] == "crossfit"
    assert _one("deadlift 10-8-6-4-2 and box jumps, 12:30")["discipline"] == "crossfit"


def test_a_strength_part_after_the_wod_is_kept() -> None:
    found = _one("EMOM 12 power clean + push jerk @ 100kg, then back squats 5-5-5-3-3-1 up to 180")
    assert found["format"] == "emom"
    assert found["sets"]["back_squat"] == [5, 5, 5, 3, 3, 1]
    assert {"power_clean", "push_jerk"} <= set(found["names"])


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("pause squats 3x3 @ 150", "pause_squat"),
        ("then 3 x 8 close grip at 185", "close_grip_bench_press"),
        ("ham curls 3x15", "leg_curl"),
        ("3x15 straight leg raises", "straight_leg_raise"),
        ("3x10 heel slides", "heel_slide"),
        ("4 rounds: 20 burpee broad jumps, 50 wall balls. 22:10", "burpee_broad_jump"),
        ("hyrox sim: sled push 4x25m, ski erg 4 x 500m, 30 min", "ski_erg"),
    ],
)
def test_exercise_names_athletes_use(message: str, name: str) -> None:
    (workout,) = extract(message, today=TODAY)
    assert name in facts(workout)["names"]


@pytest.mark.parametrize(
    ("message", "name", "load"),
    [
        ("EMOM 10: 3 power cleans @ 185 + 6 burpees over the bar", "power_clean", 185),
        ("EMOM 12: 2 squat cleans at 155 + 5 bar facing burpees", "clean", 155),
    ],
)
def test_a_load_followed_by_plus_is_no_rounds_score(message: str, name: str, load: float) -> None:
    found = _one(message)
    assert found["score"] is None
    assert (load, "lb") in _loads(found, name)


@pytest.mark.parametrize(
    "message", ["Diane 6:30 scaled 185 + hspu to abmat", "Diane scaled (185) 7:05, HSPU"]
)
def test_a_benchmarks_load_said_after_scaled_or_in_brackets(message: str) -> None:
    assert (185, "lb") in _loads(_one(message), "deadlift")


def test_a_load_after_w_slash_stays_with_its_movement_in_a_list() -> None:
    found = _one("3 rounds of 10 goblet squats w/ 16kg, 10 push ups, 1 min plank. 14:20")
    assert (16, "kg") in _loads(found, "goblet_squat")


@pytest.mark.parametrize(
    "message",
    ["I make 3 sets squat with 80 kilo each 8 times", "squat 3 sets, 8 times, with 80 kg"],
)
def test_reps_said_as_times(message: str) -> None:
    assert _one(message)["sets"] == {"back_squat": [8, 8, 8]}


def test_flies_spelled_with_ie() -> None:
    assert _one("Cable flies 3x15")["names"] == ["cable_fly"]
    assert _one("flies 3x15")["names"] == ["chest_fly"]


def test_531_in_a_list_of_loads_is_a_load_not_the_program() -> None:
    assert len(_one("deadlift singles: 495, 531")["weights"]) == 2
    assert _one("531 week 2 squat 3x5 @ 225")["sets"] == {"back_squat": [5, 5, 5]}
