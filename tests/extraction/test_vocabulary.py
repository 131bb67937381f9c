"""The exercise table: aliases, abbreviations, plurals and words with everyday meanings."""

from __future__ import annotations

import pytest

from extraction.cleaning import blank_idioms
from extraction.vocabulary import MOVEMENTS, find_mentions, movement


def _names(text: str) -> list[str]:
    return [m.movement.name for m in find_mentions(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("rdl", "romanian_deadlift"),
        ("RDLs".lower(), "romanian_deadlift"),
        ("ohs", "overhead_squat"),
        ("c2b", "chest_to_bar_pull_up"),
        ("hspu", "handstand_push_up"),
        ("t2b", "toes_to_bar"),
        ("50 du", "double_under"),
        ("double unders", "double_under"),
        ("kbs", "kettlebell_swing"),
        ("kb swings", "kettlebell_swing"),
        ("air squats", "air_squat"),
        ("pull-ups", "pull_up"),
        ("pullups", "pull_up"),
        ("pushdowns", "tricep_pushdown"),
        ("wallballs", "wall_ball"),
        ("c&j", "clean_and_jerk"),
        ("clean and jerk", "clean_and_jerk"),
        ("hip thrusts", "hip_thrust"),
        ("power snatched", "power_snatch"),
        ("walking lunges", "lunge"),
        ("db bench", "dumbbell_bench_press"),
        ("bb rows", "barbell_row"),
        ("ohp", "overhead_press"),
        ("sq", "back_squat"),
    ],
)
def test_aliases(text: str, name: str) -> None:
    assert _names(text) == [name]


def test_table_names_are_snake_case_and_complete() -> None:
    for name, move in MOVEMENTS.items():
        assert name == move.name and name.islower() and " " not in name
        assert move.movement_type in (
            "barbell", "dumbbell", "kettlebell", "gymnastics", "bodyweight", "cardio", "other",
        )  # fmt: skip
    assert movement("back_squat").family == "powerlifting"


def test_longest_alias_wins() -> None:
    assert _names("hang power clean 5x2, power clean 3x1, clean 1x1") == [
        "hang_power_clean",
        "power_clean",
        "clean",
    ]


def test_everyday_words_need_a_number() -> None:
    assert _names("the last rep was slow but clean") == []
    assert _names("legs were dead today") == []
    assert _names("cleans up to 120kg") == ["clean"]
    assert _names("135# cleans") == ["clean"]


def test_weak_alias_yields_to_the_movement_after_it() -> None:
    assert _names("kb swings") == ["kettlebell_swing"]
    assert _names("goblet squats with a 24kg kb") == ["goblet_squat"]
    assert _names("kb was 24kg") == ["kettlebell_swing"]


def test_bare_squat_and_row_read_by_load() -> None:
    (squat,) = find_mentions("squats")
    assert squat.resolve(True).name == "back_squat"
    assert squat.resolve(False).name == "air_squat"
    (row,) = find_mentions("row")
    assert (row.resolve(True).name, row.resolve(False).name) == ("barbell_row", "row")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("dips bw 3x12", ["dip"]),
        ("pike push ups 3x8", ["pike_push_up"]),
        ("5 swings x 6 rounds", ["kettlebell_swing"]),
        ("3 rounds of carries + dead bugs", ["farmers_carry", "dead_bug"]),
        ("clean and press 5x5", ["clean_and_press"]),
        ("slam balls 3x15, jump squats 3x20", ["medicine_ball_slam", "jump_squat"]),
        ("third day in a row", []),
        ("tour du mont blanc", []),
    ],
)
def test_more_of_the_words_athletes_use(text: str, names: list[str]) -> None:
    assert [m.movement.name for m in find_mentions(blank_idioms(text))] == names
