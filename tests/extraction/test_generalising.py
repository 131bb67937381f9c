"""Kinds of message the second dev corpus showed the rules had not generalised to.

One test per kind, each with sentences of its own (not the corpus's), so a fix by kind is
checked on text it was not tuned on.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract

TODAY = dt.date(2025, 6, 10)


def _facts(message: str) -> list[tuple[str, float | None, str | None]]:
    out = []
    for workout in extract(message, today=TODAY):
        data = getattr(workout.discipline_specific, workout.discipline)
        out.append((workout.discipline, getattr(data, "total_distance", None),
                    getattr(data, "distance_unit", None)))  # fmt: skip
    return out


@pytest.mark.parametrize(
    ("message", "distance"),
    [
        ("walked the dog round the park, 2.5 miles, lovely morning", 2.5),
        ("did the hospital walking group today, about 3 km, 40 minutes", 3.0),
        ("nordic walking with friends 5 km", 5.0),
    ],
)
def test_a_distance_no_sport_names_after_a_walk_is_the_walks(message: str, distance: float) -> None:
    (only,) = _facts(message)
    assert only[:2] == ("walking", distance)
