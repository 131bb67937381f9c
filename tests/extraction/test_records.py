"""Comparable bests for PR detection."""

from __future__ import annotations

import datetime as dt

from extraction import extract
from extraction.records import Performance, performances

TODAY = dt.date(2025, 4, 10)


def _bests(message: str, units: str = "lb") -> list[Performance]:
    return [p for w in extract(message, today=TODAY, units=units) for p in performances(w)]  # type: ignore[arg-type]


def test_heaviest_weight_per_lift() -> None:
    assert _bests("Bench 135x10, 185x5, 225x1, 235x1; squat 5x5 @ 275") == [
        Performance("bench_press", "weight", 235, "lb", True),
        Performance("back_squat", "weight", 275, "lb", True),
    ]


def test_missed_attempts_do_not_count() -> None:
    (best,) = _bests("mock meet: bench 130/137.5/142.5x", units="kg")
    assert (best.value, best.unit) == (137.5, "kg")


def test_benchmark_time_lower_is_better() -> None:
    assert _bests("fran 8:57 rx") == [Performance("fran", "time", 537, "s", False)]


def test_amrap_rounds_count_partial_reps() -> None:
    (best,) = _bests("Cindy - 20 rounds + 15")
    assert (best.exercise, best.measure, best.value, best.higher_is_better) == (
        "cindy", "rounds", 20.5, True,
    )  # fmt: skip


def test_fixed_distance_times() -> None:
    assert _bests("ran 5k in 23:41") == [Performance("run_5k", "time", 1421, "s", False)]
    assert _bests("2k row 6:58.9") == [Performance("row_2k", "time", 418.9, "s", False)]
    assert _bests("rode 42 km in 1:31:10")[0].exercise == "ride_42km"


def test_bodyweight_movements_count_reps() -> None:
    assert _bests("pull ups 4x max (12, 10, 9, 8)") == [
        Performance("pull_up", "reps", 12, "reps", True)
    ]


def test_nothing_comparable() -> None:
    assert _bests("ran 5k this morning") == []
    assert _bests("AMRAP 15: 10 wall balls, 10 burpees. 6 rounds + 12") == []
