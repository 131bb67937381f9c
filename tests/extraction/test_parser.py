"""Lifting notation read into sets: count, reps, load, RPE, rest."""

from __future__ import annotations

from typing import Any

import pytest

from extraction.parser import parse_lifts
from extraction.set_groups import Group


def _sets(text: str) -> dict[str, list[tuple[Any, ...]]]:
    """{lift: [(reps, load value, load unit) per set]}"""
    out: dict[str, list[tuple[Any, ...]]] = {}
    for lift in parse_lifts(text):
        rows = out.setdefault(lift.movement.name, [])
        for group in lift.groups:
            reps: list[int | None] = [*group.reps_list] or [group.reps] * (group.count or 1)
            load = (group.load.value, group.load.unit) if group.load else (None, None)
            rows += [(r, *load) for r in reps]
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("squat 5x5 @ 225", {"back_squat": [(5, 225, None)] * 5}),
        ("bench 225x5x5", {"bench_press": [(5, 225, None)] * 5}),
        ("3 sets of 10 at 135 lbs on rdls", {"romanian_deadlift": [(10, 135, "lb")] * 3}),
        ("ohp 4 x 10 w/ 30s rest @ 95", {"overhead_press": [(10, 95, None)] * 4}),
        (
            "deadlift 135x10, 185x5, 225x1",
            {"deadlift": [(10, 135, None), (5, 185, None), (1, 225, None)]},
        ),
        ("worked up to 405x3 on deadlift", {"deadlift": [(3, 405, None)]}),
        ("5 singles at 100kg bench", {"bench_press": [(1, 100, "kg")] * 5}),
        ("curls 4x10 @ 2x16kg", {"bicep_curl": [(10, 16, "kg")] * 4}),
        ("curls 3x12 w/ 30# each hand", {"bicep_curl": [(12, 30, "lb")] * 3}),
        ("db bench 3x10 with the 70s", {"dumbbell_bench_press": [(10, 70, None)] * 3}),
        ("bench 185x8,8,7", {"bench_press": [(8, 185, None), (8, 185, None), (7, 185, None)]}),
        ("kb swings 3x20 @ 1.5 pood", {"kettlebell_swing": [(20, 24, "kg")] * 3}),
        ("squat 200/210/217.5", {"back_squat": [(1, 200, None), (1, 210, None), (1, 217.5, None)]}),
        ("100 pull ups in sets of 10", {"pull_up": [(10, None, None)] * 10}),
        ("pull ups 4x max (12, 10, 9, 8)", {"pull_up": [(12,), (10,), (9,), (8,)]}),
    ],
)
def test_notations(text: str, expected: dict[str, list[tuple[Any, ...]]]) -> None:
    got = _sets(text)
    for name, rows in expected.items():
        assert [row[: len(rows[0])] for row in got[name]] == rows


def _groups(text: str) -> list[Group]:
    (lift,) = parse_lifts(text)
    return lift.groups


def test_rpe_after_a_set_and_at_notation() -> None:
    assert _groups("deadlift 3x5 @ 150kg rpe 7")[0].rpe == 7
    top, back = _groups("squat top single 180kg @8 then 3x5 at 150kg")
    assert (top.reps, top.rpe, top.kind) == (1, 8, "top_set")
    assert (back.count, back.reps, back.load.value) == (3, 5, 150)  # type: ignore[union-attr]


def test_percent_and_rest() -> None:
    (group,) = _groups("deadlift 8 singles @ 190kg (85%) rest 2 min")
    assert (group.count, group.reps, group.percent, group.rest) == (8, 1, 85, 120)


def test_amrap_set_takes_the_reps_got() -> None:
    groups = _groups("deadlift 315x5, 355x3, 405x1+ (got 4)")
    assert (groups[-1].reps, groups[-1].kind) == (4, "amrap")


def test_missed_attempt_is_marked() -> None:
    groups = _groups("bench 130/137.5/142.5x")
    assert [g.failed for g in groups] == [False, False, True]
    assert [g.kind for g in groups] == ["opener", "second_attempt", "third_attempt"]


def test_worked_up_to_then_backoff_sets() -> None:
    top, backoff = _groups(
        "bench worked up to a heavy triple at 102.5kg, 2 backoff sets of 8 at 80"
    )
    assert (top.reps, top.load.value, top.kind) == (3, 102.5, "top_set")  # type: ignore[union-attr]
    assert (backoff.count, backoff.reps, backoff.kind) == (2, 8, "backoff")


def test_hold_times() -> None:
    (group,) = _groups("plank 3x45s")
    assert (group.count, group.hold) == (3, 45)


def test_each_shares_sets_across_a_list() -> None:
    lifts = parse_lifts("curls, pushdowns, 4 sets each")
    assert [lift.groups[0].count for lift in lifts] == [4, 4]


def test_emom_scheme_carries_over() -> None:
    lifts = parse_lifts("snatch singles emom 10 @ 70kg, clean and jerk emom 8 @ 95kg")
    assert [(g.count, g.reps) for lift in lifts for g in lift.groups] == [(10, 1), (8, 1)]


def test_complex_keeps_its_parts_as_structure() -> None:
    (snatch, front) = parse_lifts(
        "snatch complex (pull + hang snatch + snatch) built to 60kg, front squats 5x3"
    )
    assert snatch.complex_structure == "pull + hang snatch + snatch"
    assert snatch.groups[0].load.value == 60  # type: ignore[union-attr]
    assert front.movement.name == "front_squat"


def test_methodology_numbers_are_not_sets() -> None:
    groups = _groups("deadlift 5/3/1 week 3: 315x5")
    assert [(g.count, g.reps) for g in groups] == [(1, 5)]
