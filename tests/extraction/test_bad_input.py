"""Hostile or broken input: no exception, no hang, and no workout made up from junk."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable

import pytest

from extraction import InvalidExtraction, extract
from extraction.cleaning import MAX_CHARS
from extraction.named_workouts import pair_scores

TODAY = dt.date(2025, 4, 10)
_rng = random.Random(7)

BAD_INPUTS = {
    "empty": "",
    "whitespace": " \n\t \r\n ",
    "emoji only": "😅🔥💪🏋️‍♂️" * 40,
    "binary junk": bytes(_rng.randrange(256) for _ in range(50_000)).decode("latin-1"),
    "10,000 numbers": " ".join(str(_rng.randrange(100_000)) for _ in range(10_000)),
    "nested brackets": "(" * 5_000 + "[{" * 2_000 + ")" * 5_000,
    "symbol soup": "@#$%^&*()_+{}|:<>?~" * 500,
    "repeated colons": "1:" * 5_000,
    "repeated x": "5x" * 5_000,
    "repeated slashes": "1/" * 5_000,
    "repeated plus": "1+" * 5_000,
    "one long token": "a" * 100_000,
    "nul bytes": "\x00" * 10_000,
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_returns_nothing_quickly(name: str) -> None:
    started = time.perf_counter()
    assert extract(BAD_INPUTS[name], today=TODAY) == []
    assert time.perf_counter() - started < 0.5


def test_100kb_is_read_only_up_to_the_cap() -> None:
    text = "squats 5x5 @ 225, then bench 3x8 at 185. " * 2_500
    started = time.perf_counter()
    workouts = extract(text, today=TODAY)
    assert time.perf_counter() - started < 0.5
    assert len(text) > 25 * MAX_CHARS
    assert [w.discipline for w in workouts] == ["powerlifting"]


GROWTH = 8
"""The large input is this many times the small one: linear work grows 8x, quadratic 64x,
so the bound below (3x linear) tells them apart even on a busy machine."""
BOUND = 3 * GROWTH


def _fastest(work: Callable[[str], object], text: str) -> float:
    """The best of five timings: the least disturbed by the rest of the machine."""
    times = []
    for _ in range(5):
        started = time.perf_counter()
        work(text)
        times.append(time.perf_counter() - started)
    return min(times)


def _slowest(text: str) -> float:
    return _fastest(lambda t: extract(t, today=TODAY), text)


@pytest.mark.parametrize(
    "unit",
    ["squat 5x5 @ 225, ", "(12, ", "1:2", "fran 8:57 ", "21-15-9 ", "rounds + 5 ", "kb swings "],
)
def test_time_grows_linearly(unit: str) -> None:
    small = (unit * 2_000)[: MAX_CHARS // GROWTH]
    large = (unit * 2_000)[:MAX_CHARS]
    assert _slowest(large) < BOUND * _slowest(small) + 0.01


@pytest.mark.parametrize("gap", [" \n", "\n", " , "])
def test_time_grows_linearly_after_a_benchmark_name(gap: str) -> None:
    """One name, then a long run of separators, through the whole extractor."""
    room = MAX_CHARS - 20  # the scores at the end must stay inside what is read
    small = "fran" + gap * (room // GROWTH // len(gap)) + "1:10 2:20"
    large = "fran" + gap * (room // len(gap)) + "1:10 2:20"
    assert _slowest(large) < BOUND * _slowest(small) + 0.01


@pytest.mark.parametrize("gap", [" \n", "\n"])
def test_pairing_names_with_scores_grows_linearly(gap: str) -> None:
    """One name, then a long run of whitespace: the name/score pairing never backtracks
    (it once took 119 ms on 4,000 characters, growing with their square)."""
    small = "fran" + gap * (MAX_CHARS // GROWTH // len(gap)) + "1:10 2:20"
    large = "fran" + gap * (MAX_CHARS // len(gap)) + "1:10 2:20"
    assert _fastest(pair_scores, large) < BOUND * _fastest(pair_scores, small) + 0.001


def test_not_a_string_is_a_validation_error() -> None:
    with pytest.raises(InvalidExtraction, match="string"):
        extract(b"squat 5x5", today=TODAY)  # type: ignore[arg-type]
