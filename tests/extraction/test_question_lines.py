"""A question on its own line after what it asks about reads as if joined by a comma:
"Trainer wants me doing 3 sets of 12 on everything / is that dumb?" asks about a plan, as
"…, is that dumb?" does, and a line said done stays a log."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract

TODAY = dt.date(2026, 3, 12)


def _logged(text: str) -> int:
    return len(extract(text, today=TODAY, tz="UTC", units="kg"))


@pytest.mark.parametrize(
    "context",
    [
        "Trainer wants me doing 3 sets of 12 on everything",
        "knee hurts after 20 km long runs",
        "my HR hits 190+ during the all-outs",
    ],
)
@pytest.mark.parametrize("question", ["is that dumb?", "should I ice it or what?", "any tips?"])
def test_a_question_line_makes_the_line_before_it_context(context: str, question: str) -> None:
    assert _logged(f"{context}, {question}") == 0  # joined by a comma
    assert _logged(f"{context}\n{question}") == 0


@pytest.mark.parametrize("log", ["ran 10k this morning in 52:10", "did squats 5x5 @ 140 today"])
def test_a_line_said_done_stays_a_log_before_a_question_line(log: str) -> None:
    assert _logged(f"{log}\nis that good?") == 1
