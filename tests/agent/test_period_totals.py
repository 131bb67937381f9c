"""A period's workouts come with their totals per discipline (sessions, distance, time), so
"how far did I run in the last 7 days?" is answered with a sum, not only a list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from agent.history import workouts_in_period
from tests.agent.test_offline_memory_turns import USER, _replies
from tests.storage.conftest import make_store


async def test_the_offline_coach_answers_how_far_with_the_sum(tmp_path: Path) -> None:
    *_, reply = await _replies(
        tmp_path,
        "ran 5k in 25:10 today",
        "easy 8k yesterday, 42:10",
        "back squat 5x5 @ 100kg",
        "how far did I run in the last 7 days?",
    )
    assert "13 km" in reply and "1:07:20" in reply and "2 runs" in reply, reply


async def test_totals_are_per_discipline_and_in_the_unit_the_athlete_uses(
    tmp_path: Path,
) -> None:
    await _replies(
        tmp_path,
        "ran 3 miles in 27:00 today",
        "ran 5 miles yesterday in 45:30",
        "swam 1500m in 30:00 today",
        "bench 5x5 @ 185",
    )
    store = make_store("local", tmp_path)
    await store.init()
    result = await workouts_in_period(store, USER, date.today(), "last 7 days")
    totals = {t["discipline"]: t for t in result["totals"]}
    assert totals["running"] == {
        "discipline": "running",
        "sessions": 2,
        "distance": "8 mi",
        "time": "1:12:30",
    }
    assert totals["swimming"]["distance"] == "1500 m"  # a pool unit stays a pool unit
    assert totals["powerlifting"] == {"discipline": "powerlifting", "sessions": 1}


async def test_lifting_asked_about_covers_every_strength_discipline(tmp_path: Path) -> None:
    *_, reply = await _replies(
        tmp_path,
        "push day: incline db press 3x10 @ 30kg, lateral raises 3x15 @ 8kg",
        "deadlift 3x5 @ 140kg",
        "ran 5k in 25:10",
        "what did I lift in the last 7 days?",
    )
    assert "incline dumbbell press" in reply and "deadlift" in reply, reply
    assert "25:10" not in reply, reply


async def test_a_trail_run_is_a_run(tmp_path: Path) -> None:
    *_, reply = await _replies(
        tmp_path, "trail run 12k with 600m of climbing, 1:25:00", "did I run in the last 7 days?"
    )
    assert "12 km" in reply and "no running" not in reply, reply
