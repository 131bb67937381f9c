"""Rep lists paired with load lists, load x reps x sets in either order, drop sets and ramps:
by kind on sentences written for these tests, and by property over the list grammar."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extraction import extract

TODAY = dt.date(2025, 6, 12)


def sets_of(text: str, units: str = "kg") -> list[tuple[int | None, float | None, str | None]]:
    """(reps, load, unit) per set of the one lift in `text`."""
    (workout,) = extract(text, today=TODAY, tz="UTC", units=units)  # type: ignore[arg-type]
    structure = getattr(workout.discipline_specific, workout.discipline)
    (lift,) = getattr(structure, "lifts", None) or structure.exercises
    return [
        (s.reps, s.weight.value if s.weight else None, s.weight.unit if s.weight else None)
        for s in lift.sets
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("incline bench 12/10/8 @ 60/65/70", [(12, 60), (10, 65), (8, 70)]),
        ("squat 5-5-3-3 at 100/110/120/125", [(5, 100), (5, 110), (3, 120), (3, 125)]),
        ("ohp 5/5/5+ @ 40/45/50", [(5, 40), (5, 45), (5, 50)]),
        ("hack squat 12/10/8 with 80/90/100kg", [(12, 80), (10, 90), (8, 100)]),
        ("rows 60/70/80 x 10", [(10, 60), (10, 70), (10, 80)]),
        ("deadlift 140/150/160kg x 6/4/2", [(6, 140), (4, 150), (2, 160)]),
        ("pulldown 4 sets 40/45/50/55 x 12/10/8/8", [(12, 40), (10, 45), (8, 50), (8, 55)]),
        ("clean 60/65/70 doubles", [(2, 60), (2, 65), (2, 70)]),
        ("db press 24s/22s/20s x 10", [(10, 24), (10, 22), (10, 20)]),
    ],
)
def test_rep_lists_pair_with_load_lists(text: str, want: list[tuple[int, float]]) -> None:
    assert [(reps, value) for reps, value, _ in sets_of(text)] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("leg press drop set 200/150/100 kg", [200, 150, 100]),
        ("cable curls 30kg → 25 → 20, drop set", [30, 25, 20]),
        ("pec deck drop set: 70 -> 55 -> 40", [70, 55, 40]),
    ],
)
def test_drop_sets_keep_every_load(text: str, want: list[float]) -> None:
    assert [value for _, value, _ in sets_of(text)] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("front squat 4 x 3 x 90kg", (4, 3, 90)),
        ("bench 3 x 8 x 62.5", (3, 8, 62.5)),
        ("rdl 100kg x 8 x 3", (3, 8, 100)),
    ],
)
def test_load_reps_and_sets_in_either_order(text: str, want: tuple[int, int, float]) -> None:
    count, reps, value = want
    assert [(r, v) for r, v, _ in sets_of(text)] == [(reps, value)] * count


def test_a_percent_load_reps_sets_counts_the_sets() -> None:
    assert [r for r, _, _ in sets_of("clean 80% x 2 x 6")] == [2] * 6


def test_loads_with_units_are_not_taken_for_more_reps() -> None:
    got = sets_of("goblet squat 12kg x 15, 16kg x 12, 20kg x 10")
    assert [(r, v) for r, v, _ in got] == [(15, 12), (12, 16), (10, 20)]


def test_sets_across_followed_by_more_loads_is_a_ramp() -> None:
    got = sets_of("press 3x6 at 50, 52.5, 55")
    assert sorted((r, v) for r, v, _ in got) == [(6, 50), (6, 52.5), (6, 55)]


@given(
    st.lists(st.integers(2, 15), min_size=2, max_size=6),
    st.integers(40, 150),
    st.sampled_from(["@", "at", "with"]),
    st.sampled_from(["", "kg", " lb"]),
)
def test_each_rep_count_gets_the_load_in_its_place(
    reps: list[int], base: int, joiner: str, unit: str
) -> None:
    """Any rep list paired with a load list reads as one set per place, in order.

    Dashed lists of different counts are left out: "15-12-9" may be a WOD's rep scheme.
    """
    loads = [base + 5 * i for i in range(len(reps))]
    text = f"bench {'/'.join(map(str, reps))} {joiner} {'/'.join(map(str, loads))}{unit}"
    got = sets_of(text, units="kg")
    assert [(r, v) for r, v, _ in got] == list(zip(reps, loads, strict=True))
    assert {u for _, _, u in got} == {"lb" if unit == " lb" else "kg"}
