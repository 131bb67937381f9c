"""Abbreviations, typos and word forms of the exercise vocabulary, one kind per test."""

from __future__ import annotations

import pytest

from extraction.vocabulary import corrected, find_mentions


def _names(text: str) -> list[str]:
    return [m.movement.name for m in find_mentions(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("bss 3x8", "bulgarian_split_squat"),
        ("sldl 3x10", "stiff_leg_deadlift"),
        ("hpc 5x2", "hang_power_clean"),
        ("12 pu", "pull_up"),
        ("5 mu", "muscle_up"),
        ("50 dbl unders", "double_under"),
        ("ghd 20", "ghd_sit_up"),
        ("sa rows 3x10", "dumbbell_row"),
        ("db rdls 3x10", "romanian_deadlift"),
        ("bb hip thrusts", "hip_thrust"),
        ("kb goblet squats", "goblet_squat"),
    ],
)
def test_gym_abbreviations(text: str, name: str) -> None:
    assert _names(text) == [name]


def test_an_alias_as_written_beats_a_generated_plural() -> None:
    # "bss" is both an alias of the Bulgarian split squat and the plural of "bs"
    assert _names("bss 3x8 each") == ["bulgarian_split_squat"]
    assert _names("bs 5x5 @ 100kg") == ["back_squat"]


def test_an_abbreviation_with_an_everyday_meaning_needs_a_number() -> None:
    assert _names("pu") == []
    assert _names("mu") == []


@pytest.mark.parametrize(
    ("typo", "word"),
    [
        ("benhc", "bench"),
        ("sqaut", "squat"),
        ("claen", "clean"),
        ("bnech", "bench"),
        ("deadlfits", "deadlifts"),
    ],
)
def test_typos_are_corrected(typo: str, word: str) -> None:
    assert corrected(typo) == word


@pytest.mark.parametrize("word", ["lunch", "clear", "spilt", "twits", "ebnch", "bencj", "squats"])
def test_no_guess_below_the_confidence(word: str) -> None:
    # five letters: only two neighbouring letters swapped, first letter kept; a changed
    # letter ("bencj") or a swap at the start stays as written
    assert corrected(word) == word


def test_a_corrected_typo_names_its_movement() -> None:
    assert corrected("thrusetrs") == "thrusters"
    assert _names("benhc 3x8 185") == ["bench_press"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("chins 5x8", "chin_up"),
        ("benching 3x5", "bench_press"),
        ("squatting 3x5 @ 100kg", "back_squat"),
        ("deadlifting today", "deadlift"),
        ("cleaned 100kg", "clean"),
        ("machine of press legs 100 kg 3x15", "leg_press"),
    ],
)
def test_plural_and_verb_forms(text: str, name: str) -> None:
    assert _names(text) == [name]


def test_a_verb_with_an_everyday_meaning_needs_a_number() -> None:
    assert _names("the room was cleaned") == []


def test_a_line_label_names_a_lift() -> None:
    assert _names("sn: worked to 85kg") == ["snatch"]
    assert _names("warm up\nclean: 3 singles") == ["clean"]
    assert _names("legs felt dead: no energy") == []


def test_a_modifier_between_number_and_lift() -> None:
    assert _names("100 one-arm swings + 10 tgus") == ["kettlebell_swing", "turkish_get_up"]
    assert _names("5 tempo cleans") == ["clean"]
    assert _names("swing by later") == []
