"""Kinds the blind set showed, each with the athletes' own shorthand: pool yards and course
codes, totals never invented from a main set, compact hour-minute durations, bare erg
metres, rounds-plus-reps said in words and an AMRAP's length in its name."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract
from extraction.numbers import find_distances, find_durations
from extraction.run_kinds import run_type_of

TODAY = dt.date(2025, 4, 10)


def _one(message: str) -> dict[str, object]:
    (w,) = extract(message, today=TODAY)
    data: dict[str, object] = getattr(w.discipline_specific, w.discipline).model_dump(
        exclude_none=True
    )
    return {"discipline": w.discipline, "duration": w.duration, **data}


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1hr20", 4800),
        ("1h20", 4800),
        ("1h 20m", 4800),
        ("1 hr 20 min", 4800),
        ("1:20 hrs", 4800),
        ("2:05 hours", 7500),
        ("1:20", 80),
        ("45 min", 2700),
    ],
)
def test_compact_hour_minute_durations(text: str, seconds: float) -> None:
    assert [s.value for s in find_durations(text)] == [seconds]


def test_the_minutes_of_an_hour_are_not_metres() -> None:
    assert find_distances("1h 20m") == find_distances("1h20m") == []
    assert [s.value for s in find_distances("ran 20m then 1h")] == [20]


@pytest.mark.parametrize(
    ("text", "distance", "unit", "pool"),
    [
        ("swam 1500y today, 25y pool", 1500, "yd", (25, "yd")),
        ("2000 SCY swim", 2000, "yd", (25, "yd")),
        ("swim 1800 scm", 1800, "m", (25, "m")),
        ("3000m LCM swim", 3000, "m", (50, "m")),
    ],
)
def test_pool_yards_and_course_codes(
    text: str, distance: float, unit: str, pool: tuple[float, str]
) -> None:
    swim = _one(text)
    assert (swim["total_distance"], swim["distance_unit"]) == (distance, unit)
    assert (swim["pool_length"], swim["pool_length_unit"]) == pool


def test_a_main_set_is_not_the_session_total() -> None:
    assert "total_distance" not in _one("swim, main set 10x100 on 1:40")
    assert _one("swim 3000m, main set 10x100 on 1:40")["total_distance"] == 3000
    # The parts said add up to a session: warm-up plus the set.
    assert _one("swim: 400 wu, main set 8x100")["total_distance"] == 1200


def test_an_interval_is_not_the_session_time() -> None:
    swim = _one("swim: 40x25y free on 30s")
    assert "total_time" not in swim and swim["total_distance"] == 1000


@pytest.mark.parametrize(
    ("text", "metres", "seconds"),
    [("rowed 5000 in 19:40", 5000, 1180), ("erg 2000 in 7:45", 2000, 465)],
)
def test_bare_erg_numbers_are_metres(text: str, metres: float, seconds: float) -> None:
    row = _one(text)
    assert (row["total_distance"], row["total_time"]) == (metres, seconds)


def test_erg_numbers_that_are_not_metres() -> None:
    assert "total_distance" not in _one("rowed 30 min at 150 watts")
    assert "total_distance" not in _one("rowed 20 min, 300 cal")


@pytest.mark.parametrize(
    ("text", "cap", "score"),
    [
        ("AMRAP 12: 5 pull-ups, 10 push-ups. five rounds and twelve reps", 720, "5+12"),
        ("12 min amrap: 5 pull-ups, 10 push-ups. got seven rounds plus three", 720, "7+3"),
        ("20 min AMRAP of 5 pull ups 10 pushups 15 squats - 14 rounds and 2 reps", 1200, "14+2"),
    ],
)
def test_amrap_length_in_its_name_and_scores_in_words(text: str, cap: float, score: str) -> None:
    cf = _one(text)
    assert cf["duration"] == cap
    assert cf["performance_data"]["score"]["value"] == score  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "run_type"),
    [
        ("long easy run 14 mi", "long"),
        ("5x1k @ 4:05/km w 2 min easy jog", "intervals"),
        ("8 mi with 4 at race pace", None),
        ("10k race this morning 44:10", "race"),
        ("6 mi zone 2, 55:00", "easy"),
        ("tempo 6 mi: 2 wu, 3 @ 6:55, 1 cd", "tempo"),
        ("hill repeats 8 x 60s, easy jog down", "hills"),
        ("ran 8 mi, hilly", None),
    ],
)
def test_the_kind_of_run_is_the_best_scoring_cue(text: str, run_type: str | None) -> None:
    assert run_type_of(text) == run_type


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("rucked 5 miles, took an hour twenty", 4800),
        ("pickup basketball for an hour and a half, knees hurt", 5400),
        ("one hour and 15 minutes of yoga", 4500),
    ],
)
def test_an_hour_and_its_minutes_in_words(text: str, seconds: float) -> None:
    (workout,) = extract(text, today=TODAY)
    assert workout.duration == seconds or _one(text).get("total_time") == seconds


@pytest.mark.parametrize("text", ["6 easy miles around the lake", "ran 6 hilly miles"])
def test_a_word_between_a_distance_and_its_unit(text: str) -> None:
    assert [(s.value, s.unit) for s in find_distances(text)] == [(6, "mi")]
