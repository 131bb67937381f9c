"""Memories said back to the athlete speak to them: stored third-person facts ("Hates
burpees.", "Their left knee is dodgy") read as "You hate burpees.", "Your left knee is
dodgy" in the offline coach's replies."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.addressing import addressed
from tests.agent.test_offline_memory_turns import _replies


@pytest.mark.parametrize(
    ("stored", "said"),
    [
        ("Hates burpees.", "You hate burpees."),
        ("Trains at 6am on weekdays.", "You train at 6am on weekdays."),
        ("Their left knee is dodgy, no deep lunges.", "Your left knee is dodgy, no deep lunges."),
        ("Is vegetarian.", "You are vegetarian."),
        ("Has a half marathon in April.", "You have a half marathon in April."),
        ("Doesn't like running in the rain.", "You don't like running in the rain."),
        ("Tore their ACL in 2022.", "You tore your ACL in 2022."),
        ("Can't train on Mondays.", "You can't train on Mondays."),
        ("Studies at night.", "You study at night."),
        ("Wants the coach to remind them to stretch.", "You want me to remind you to stretch."),
        ("Prefers the coach's plans short.", "You prefer my plans short."),
        ("Goal: sub-20 5k by June.", "Goal: sub-20 5k by June."),
        ("Athlete prefers morning sessions.", "Athlete prefers morning sessions."),
    ],
)
def test_a_stored_fact_is_said_to_the_athlete(stored: str, said: str) -> None:
    assert addressed(stored) == said


async def test_the_offline_coach_reads_memories_back_in_the_second_person(
    tmp_path: Path,
) -> None:
    *_, listed, dropped = await _replies(
        tmp_path,
        "remember that my left knee is dodgy",
        "please remember I hate burpees",
        "what do you remember about me?",
        "forget the knee thing",
    )
    assert "Your left knee is dodgy" in listed and "You hate burpees" in listed, listed
    assert "Their" not in listed and "Their" not in dropped, dropped
