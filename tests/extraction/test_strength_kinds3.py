"""Strength and WOD phrasing by kind, third round: names in shorthand and other languages.

Each test names a kind of phrasing (not a corpus sentence) and checks it with a few
spellings, so a fix covers the kind rather than one message.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from extraction import extract
from extraction.cleaning import normalise

from .kinds import loads as _loads
from .kinds import one_facts
from .scoring import facts

TODAY = dt.date(2025, 4, 10)


def _one(message: str, units: str = "kg") -> dict[str, Any]:
    return one_facts(message, units)


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("hang sn 75 5x2", "hang_snatch"),
        ("sn pull 110 4x3", "snatch_pull"),
        ("Sn balance 6x2 @ 60", "snatch_balance"),
        ("power sn 70kg 5x2", "power_snatch"),
        ("db bench 4x10 @ 30", "dumbbell_bench_press"),
    ],
)
def test_a_word_of_a_longer_name_in_gym_shorthand(message: str, name: str) -> None:
    found = _one(message)
    assert list(found["sets"]) == [name]


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("muscle snatch 4x3 @ 40", "muscle_snatch"),
        ("archer push ups 3x8 each side", "archer_push_up"),
        ("ring rows 4x10", "ring_row"),
        ("pike pushups 4x10", "pike_push_up"),
        ("archer pushups 3x6", "archer_push_up"),
    ],
)
def test_a_variation_is_not_folded_into_its_plain_movement(message: str, name: str) -> None:
    found = _one(message)
    assert list(found["sets"]) == [name]
    assert len(found["sets"][name]) >= 3


@pytest.mark.parametrize(
    ("message", "names"),
    [
        ("supino 100kg 5x5, remada curvada 80kg 4x8", ["bench_press", "barbell_row"]),
        ("Klimmzüge 5x8, Bankdrücken 80kg 5x5", ["pull_up", "bench_press"]),
        ("sentadilla 5x5 120kg, peso muerto 3x3 160kg", ["back_squat", "deadlift"]),
        ("przysiad 4x6 100kg, martwy ciąg 3x5 140kg", ["back_squat", "deadlift"]),
        ("développé couché 4x8 70kg, tractions 4x8", ["bench_press", "pull_up"]),
    ],
)
def test_gym_words_in_other_languages(message: str, names: list[str]) -> None:
    found = _one(message)
    assert list(found["sets"]) == names


def test_accents_are_folded_not_dropped() -> None:
    assert normalise("Kniebeugen, Übung, ciąg, Straße") == "Kniebeugen, Ubung, ciag, Strasse"


@pytest.mark.parametrize(
    "message", ["dips 3 x failure", "dips 3x failure", "dips 3 x to failure", "dips 3x amrap"]
)
def test_sets_to_failure_count_the_sets(message: str) -> None:
    assert _one(message)["sets"] == {"dip": [None, None, None]}


@pytest.mark.parametrize(
    "clause",
    [
        "lateral raises till i couldnt lift my arms lol",
        "lateral raises until I couldn't lift my arms",
        "lateral raises til my shoulders gave out",
    ],
)
def test_going_till_one_could_not_is_a_set_done(clause: str) -> None:
    found = _one(f"bench 100kg 3x8, {clause}, pushdowns 4x12")
    assert found["names"] == ["bench_press", "lateral_raise", "tricep_pushdown"]


@pytest.mark.parametrize(
    "message",
    [
        "leg press rest-pause 300kg x 12 + 5 + 3, calf raises 4x15",
        "leg press 300kg x 12+5+3, calf raises 4x15",
        "leg press 300kg x 12 + 6 (myo reps), calf raises 4x15",
    ],
)
def test_a_rest_pause_set_is_one_set_of_its_mini_sets(message: str) -> None:
    found = _one(message)
    (reps,) = found["sets"]["leg_press"]
    assert reps in (18, 20)
    assert found["sets"]["calf_raise"] == [15, 15, 15, 15]
    assert _loads(found, "leg_press") == {(300, "kg")}


def test_a_complex_s_reps_joined_by_plus_are_no_rest_pause_set() -> None:
    found = _one("power clean + push jerk 80kg 4 x 1+1")
    assert found["sets"] == {"power_clean": [1, 1, 1, 1], "push_jerk": [1, 1, 1, 1]}


@pytest.mark.parametrize(
    ("message", "sets"),
    [
        ("CJ 110x1+1 x4", {"clean_and_jerk": 4}),
        ("power clean + push jerk 80kg x 1+2 x 4", {"power_clean": 4, "push_jerk": 4}),
    ],
)
def test_complex_reps_then_sets_after_a_load(message: str, sets: dict[str, int]) -> None:
    found = _one(message)
    assert {name: len(reps) for name, reps in found["sets"].items()} == sets
    assert all(_loads(found, name) for name in sets)


@pytest.mark.parametrize("joiner", ["n", "and", "&", "+"])
def test_curls_paired_with_leg_extensions_are_leg_curls(joiner: str) -> None:
    found = _one(f"leg ext {joiner} curls supersetted 3x15")
    assert "leg_curl" in found["names"]
    assert "bicep_curl" not in found["names"]


@pytest.mark.parametrize(
    "message",
    ["Sn 70-80-85-90x2x3", "snatch 70-80-85-90 x2x3", "sn 70-80-85-90x2 x3"],
)
def test_loads_climbing_to_a_top_set_are_a_lift_not_a_wod(message: str) -> None:
    found = _one(message)
    assert found["discipline"] == "olympic_weightlifting"
    assert _loads(found, "snatch") == {(70, "kg"), (80, "kg"), (85, "kg"), (90, "kg")}
    assert found["sets"]["snatch"][-3:] == [2, 2, 2]


@pytest.mark.parametrize(
    ("message", "fmt"),
    [
        ("kettlebell EMOM 20:\nodd min - 10 swings (53lb)\neven min - 5 goblet squats", "emom"),
        ("kb amrap 15: 10 swings 24kg, 10 goblet squats", "amrap"),
        ("DB EMOM 12: 8 thrusters, 8 renegade rows", "emom"),
    ],
)
def test_an_implement_naming_the_wod_is_no_movement(message: str, fmt: str) -> None:
    found = _one(message)
    assert found["discipline"] in ("crossfit", "hiit")  # a bell or dumbbell WOD: either reads
    assert found["format"] == fmt


@pytest.mark.parametrize(
    ("message", "loads"),
    [
        (
            "Puchar Krakowa today: 91 / 116, total 207. 2nd in 81kg. sn 1/3, cj 2/3",
            {"snatch": 91, "clean_and_jerk": 116},
        ),
        (
            "meet today, went 200/130/240, 570 total, 9/9",
            {"back_squat": 200, "bench_press": 130, "deadlift": 240},
        ),
        ("local comp: 80/100 total 180, 5/6", {"snatch": 80, "clean_and_jerk": 100}),
    ],
)
def test_a_meet_s_best_lifts_that_add_up_to_the_total_are_the_lifts(
    message: str, loads: dict[str, float]
) -> None:
    found = _one(message)
    assert {name for name, _, _ in found["weights"]} == set(loads)
    for name, value in loads.items():
        assert _loads(found, name) == {(value, "kg")}


@pytest.mark.parametrize(
    "message", ["ran 5/10/15 total 31 min", "bench 100/105/110 total 300 reps"]
)
def test_numbers_that_do_not_add_up_to_the_total_are_no_meet(message: str) -> None:
    found = _one(message)
    assert "snatch" not in found["names"] and "back_squat" not in found["names"]


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("hc 5x2 @ 80", "hang_clean"),
        ("sj 4x2 100kg", "split_jerk"),
        ("bsq 5x5 140", "back_squat"),
        ("psn 6x2 60kg", "power_snatch"),
        ("skulls 3x12 30kg", "skull_crusher"),
    ],
)
def test_lift_initials_with_their_sets(message: str, name: str) -> None:
    assert list(_one(message)["sets"]) == [name]


@pytest.mark.parametrize(
    "message", ["hc was a bit off today, slept badly and ran 5k", "bj next week"]
)
def test_lift_initials_without_a_number_are_no_lift(message: str) -> None:
    workouts = extract(message, today=TODAY, units="kg")
    names = [facts(w)["names"] for w in workouts]
    assert not any("hang_clean" in n or "box_jump" in n for n in names)


@pytest.mark.parametrize(
    "message",
    [
        "ohp 60kg 3x5 then back-off 50kg 2x8",
        "ohp 60kg 3x5, 50kg 2x8",
        "ohp 3x5 @ 60kg, then backoffs 50kg 2x8",
    ],
)
def test_back_off_sets_with_their_load_said_first(message: str) -> None:
    found = _one(message)
    assert found["sets"]["overhead_press"] == [5, 5, 5, 8, 8]
    assert _loads(found, "overhead_press") == {(60, "kg"), (50, "kg")}


@pytest.mark.parametrize(
    ("message", "reps"),
    [
        ("bench 4 x 6/6/5/5 @ 80", [6, 6, 5, 5]),
        ("bench 3x10/8/6 at 80kg", [10, 8, 6]),
        ("bench 80kg 3 x 8 / 8 / 7", [8, 8, 7]),
    ],
)
def test_each_set_s_reps_slash_separated_after_the_count(message: str, reps: list[int]) -> None:
    found = _one(message)
    assert found["sets"]["bench_press"] == reps
    assert _loads(found, "bench_press") == {(80, "kg")}


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("db pullovers 3x12 @ 20", "pullover"),
        ("french press 3x10 @ 25", "tricep_extension"),
        ("cossack squats 3x8", "cossack_squat"),
        ("dead hangs 3x30s", "dead_hang"),
        ("tuck jumps 4x10", "tuck_jump"),
    ],
)
def test_movements_that_were_missing_or_misread(message: str, name: str) -> None:
    assert _one(message)["names"] == [name]


def test_a_load_named_like_a_program_after_the_lift_is_a_load() -> None:
    assert _loads(_one("2x1 bench 531", units="lb"), "bench_press") == {(531, "lb")}
