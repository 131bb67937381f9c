"""A greeting before a message changes nothing: "Hey coach! my maxes as of today: …" is a
list of maxes, "Yo coach, Fran 8:57" a log of Fran. Frames that open a message (a plan's
heading, a question, a list of maxes) are read after the greeting."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract

TODAY = dt.date(2026, 3, 12)  # a Thursday


def _logged(text: str) -> list[tuple[str, str]]:
    return [
        (w.discipline, w.date.isoformat()) for w in extract(text, today=TODAY, tz="UTC", units="kg")
    ]


@pytest.mark.parametrize(
    "greeting",
    ["Hey coach! ", "Yo coach, ", "hi!! ", "Morning coach, ", "quick update - ", "btw ", "so "],
)
@pytest.mark.parametrize(
    "message",
    [
        "my maxes as of today: squat 180, bench 120, deadlift 220",
        "Tomorrow: pull. deadlift 3x5 @ 180, rows 4x8, curls",
        "can you look over my week? Mon squat 5x5 @ 140, Wed bench 5x5 @ 100, Fri deadlift 1x5",
        "2027 goals: 250 deadlift, sub-3 marathon",
        "my wife ran her first half marathon today in 2:05!",
    ],
)
def test_a_greeting_before_a_non_log_keeps_it_a_non_log(greeting: str, message: str) -> None:
    assert _logged(message) == []  # the frame itself is read without a greeting
    assert _logged(greeting + message) == []


@pytest.mark.parametrize(
    "greeting", ["Hey coach! ", "Yo coach, ", "hello, ", "Evening coach! ", "Update: ", "fyi "]
)
@pytest.mark.parametrize(
    ("message", "discipline"),
    [("Fran 8:57 rx", "crossfit"), ("did 5k easy in 27:30 yesterday", "running")],
)
def test_a_greeting_before_a_log_keeps_it_a_log(
    greeting: str, message: str, discipline: str
) -> None:
    assert [d for d, _ in _logged(greeting + message)] == [discipline]


def test_a_time_of_day_that_heads_a_session_is_no_greeting() -> None:
    assert _logged("Morning: 5k easy in 27:30. Evening: squat 5x5 @ 140") == [
        ("running", "2026-03-12"),
        ("powerlifting", "2026-03-12"),
    ]
