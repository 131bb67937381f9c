"""By kind: how athletes name movements, on sentences written for these tests.

Abbreviations and slang, equipment first or last, variants that are movements of their own,
other languages and scripts, modifiers after a name, and a session's implement said once.
"""

from __future__ import annotations

import pytest

from extraction.vocabulary import corrected, find_mentions

from .kinds import loads, one_facts


def _names(text: str) -> list[str]:
    return [m.resolve(loaded=True).name for m in find_mentions(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("sgdl 3x3 @ 140, btn press 3x8 @ 50", ["snatch_grip_deadlift", "behind_the_neck_press"]),
        ("tbdl 5x5, rfe split squats 3x8", ["trap_bar_deadlift", "bulgarian_split_squat"]),
        ("lat pd 3x12, sa db row 3x10", ["lat_pulldown", "dumbbell_row"]),
        (
            "tib bar raises 3x20, copenhagen side plank 3x20s",
            ["tibialis_raise", "copenhagen_plank"],
        ),
        ("scap pulls 3x10, fl rows 4x5", ["scapular_pull_up", "front_lever_row"]),
        ("g2oh 30 reps, s2oh 20 reps", ["ground_to_overhead", "shoulder_to_overhead"]),
        ("kb armbar 3x1, kb figure 8 3x10", ["kettlebell_armbar", "kettlebell_figure_eight"]),
    ],
)
def test_abbreviations_and_slang(text: str, names: list[str]) -> None:
    assert _names(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a variant athletes program on its own is its own movement
        ("pendlay rows 5x5, bb rows 3x10", ["pendlay_row", "barbell_row"]),
        ("paused bench 4x3, bench 3x5", ["pause_bench_press", "bench_press"]),
        ("seated ham curls 3x12, lying leg curls 3x12", ["seated_leg_curl", "leg_curl"]),
        (
            "pec dec 3x15, db flyes 3x12, cable flyes 3x15",
            ["pec_deck", "dumbbell_fly", "cable_fly"],
        ),
        (
            "ez curls 3x10, cable curls 3x12, curls 3x10",
            ["ez_bar_curl", "cable_curl", "bicep_curl"],
        ),
        ("ring mu 5x1, bar mu 5x1", ["ring_muscle_up", "bar_muscle_up"]),
        (
            "smith squats 4x10, smith incline 3x10",
            ["smith_machine_squat", "smith_machine_incline_press"],
        ),
        ("adductor machine 3x15, abductor machine 3x15", ["hip_adduction", "hip_abduction"]),
        (
            "hanging knee raises 3x15, hanging leg raises 3x10",
            ["hanging_knee_raise", "hanging_leg_raise"],
        ),
        # the earlier corpora's labels stay: a walking lunge is a lunge
        ("walking lunges 3x20", ["lunge"]),
    ],
)
def test_variants_keep_their_own_names(text: str, names: list[str]) -> None:
    assert _names(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("hamstring curl seated 3x12", ["seated_leg_curl"]),
        ("lat pulldown close grip 3x10 @ 150", ["lat_pulldown"]),
        ("close grip 3x8 @ 185", ["close_grip_bench_press"]),
        ("calf raises on the leg press 4x15", ["calf_raise"]),
        ("rear delt flyes on the pec deck 3x15", ["reverse_pec_deck"]),
        ("curl incline 3x10 12kg", ["incline_dumbbell_curl"]),
    ],
)
def test_equipment_and_grip_after_the_name(text: str, names: list[str]) -> None:
    assert _names(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("remo con barra 4x10, curl martillo 3x12", ["barbell_row", "hammer_curl"]),
        (
            "supino inclinado com halteres 4x10, crucifixo 3x12",
            ["incline_dumbbell_press", "dumbbell_fly"],
        ),
        ("rudern am kabel 3x12, trizepsdrucken am kabel 3x15", ["cable_row", "tricep_pushdown"]),
        ("tirage vertical 4x10, oiseau halteres 3x15", ["lat_pulldown", "rear_delt_fly"]),
        ("muscle ups en barra 4x4, fondos en anillas 4x8", ["bar_muscle_up", "ring_dip"]),
        ("ryck 5x2, stot 5x1", ["snatch", "clean_and_jerk"]),
    ],
)
def test_other_languages(text: str, names: list[str]) -> None:
    assert _names(text) == names


@pytest.mark.parametrize(
    ("message", "names", "reps"),
    [
        ("デッドリフト 120kg 5回×3セット", ["deadlift"], [5, 5, 5]),
        ("벤치프레스 4x8 70kg, 랫풀다운 3x12", ["bench_press", "lat_pulldown"], [8, 8, 8, 8]),
        ("深蹲 5x5 100kg", ["back_squat"], [5, 5, 5, 5, 5]),
    ],
)
def test_other_scripts(message: str, names: list[str], reps: list[int]) -> None:
    found = one_facts(message, units="kg")
    assert found["names"] == names
    assert found["sets"][names[0]] == reps


def test_a_name_does_not_run_across_a_comma_or_a_line() -> None:
    assert _names("3 sets on bench, dips to failure") == ["bench_press", "dip"]
    assert _names("bench\ndips 3x10") == ["bench_press", "dip"]


def test_everyday_words_are_not_typos_of_lift_words() -> None:
    assert corrected("skills") == "skills"
    assert corrected("classes") == "classes"
    assert corrected("sqauts") == "squats"
    assert _names("skills: handstand holds 5x20s") == ["handstand_hold"]


def test_a_bell_session_lifts_bells() -> None:
    found = one_facts("kettlebell work, double 20s: 5x5 cleans, 5x5 presses, 5x5 front squats")
    assert found["names"] == ["kettlebell_clean", "kettlebell_press", "kettlebell_front_squat"]
    # bells named with one lift only leave the barbell lifts alone
    found = one_facts("kb swings 3x20, then power cleans 5x3 @ 185")
    assert found["names"] == ["kettlebell_swing", "power_clean"]
    assert loads(found, "power_clean") == {(185, "lb")}
