"""A log that ends by asking for the coach's view ("… Thoughts?", "… feedback?") is still a
log, however the question is joined on: after a full stop, a comma, a new line or nothing.
A program sent for review with the same question stays no log."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract

TODAY = dt.date(2026, 3, 12)  # a Thursday


def _disciplines(text: str) -> list[str]:
    return [w.discipline for w in extract(text, today=TODAY, tz="UTC", units="kg")]


@pytest.mark.parametrize(
    "ask", [" Thoughts?", "\nthoughts?", " feedback?", " opinions?", ", how did I do?"]
)
@pytest.mark.parametrize(
    "log",
    [
        "Upper today: bench 4x8 @ 60, OHP 3x10 @ 35, lat pulldown 4x10 @ 50",
        "easy 8k this am, 44:30, kept HR under 145",
        "5k erg 19:48.6 🥵",
        "squats 5x5 @ 140kg felt heavy",
    ],
)
def test_a_log_asking_for_the_coachs_view_is_still_a_log(ask: str, log: str) -> None:
    alone = _disciplines(log)
    assert len(alone) == 1
    assert _disciplines(log + ask) == alone


@pytest.mark.parametrize("ask", [" thoughts?", "\nthoughts?", ", thoughts?"])
@pytest.mark.parametrize(
    "program",
    [
        "new program: Mon squat 5x5 @ 140, Wed bench 5x5 @ 100, Fri deadlift 1x5 @ 200",
        "here's my plan for next week: Tue 10k tempo, Thu 8x400, Sun 30k long",
        "thinking of doing 5x5 squats at 140 on Monday",
    ],
)
def test_a_program_sent_for_review_with_the_question_is_no_log(ask: str, program: str) -> None:
    assert _disciplines(program + ask) == []
